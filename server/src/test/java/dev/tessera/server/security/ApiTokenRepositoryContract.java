package dev.tessera.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.server.store.Ids;
import dev.tessera.server.store.Rows;
import dev.tessera.server.store.StoreFixture;
import dev.tessera.server.store.TestDatabases;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

abstract class ApiTokenRepositoryContract {
  private ApiTokenRepository tokens;
  private UUID user;

  abstract DataSource dataSource();

  @BeforeEach
  void setUp() {
    TestDatabases.truncate(dataSource());
    tokens = new JdbcApiTokenRepository(new JdbcTemplate(dataSource()));
    user = new StoreFixture(dataSource()).user("t@example.org");
  }

  @Test
  void aTokenIsFoundByItsHashOnlyAndCanBeRevoked() {
    String secret = Tokens.newToken();
    ApiToken token = new ApiToken(Ids.newId(), user, "ci", Rows.now(), null);
    tokens.insert(token, Tokens.hash(secret));
    assertThat(tokens.findUserByHash(Tokens.hash(secret))).contains(user);
    assertThat(tokens.findUserByHash(Tokens.hash(secret + "x"))).isEmpty();
    assertThat(tokens.findByUser(user)).containsExactly(token);
    assertThat(tokens.delete(user, token.id())).isTrue();
    assertThat(tokens.findUserByHash(Tokens.hash(secret))).isEmpty();
  }
}
