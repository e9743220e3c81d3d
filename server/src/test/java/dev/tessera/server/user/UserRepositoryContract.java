package dev.tessera.server.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every store must do for users, roles and local passwords. */
abstract class UserRepositoryContract {
  private UserRepository users;

  abstract DataSource dataSource();

  @BeforeEach
  void setUp() {
    TestDatabases.truncate(dataSource());
    users = new JdbcUserRepository(new JdbcTemplate(dataSource()));
  }

  @Test
  void usersAreFoundByIdEmailAnyCaseAndExternalId() {
    User user = users.create("Ada@Example.org", "Ada", "user_2abc");
    assertThat(user.email()).isEqualTo("ada@example.org");
    assertThat(users.findById(user.id())).contains(user);
    assertThat(users.findByEmail("ADA@example.ORG")).contains(user);
    assertThat(users.findByExternalId("user_2abc")).contains(user);
    assertThat(users.findByEmail("nobody@example.org")).isEmpty();
  }

  @Test
  void anEmailBelongsToOneUser() {
    users.create("ada@example.org", "Ada", null);
    assertThatThrownBy(() -> users.create("ADA@example.org", "Other", null)).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void passwordHashIsSetAndReplaced() {
    User user = users.create("a@example.org", "A", null);
    assertThat(users.passwordHash(user.id())).isEmpty();
    users.setPasswordHash(user.id(), "{bcrypt}one");
    users.setPasswordHash(user.id(), "{bcrypt}two");
    assertThat(users.passwordHash(user.id())).contains("{bcrypt}two");
  }

  @Test
  void rolesAreGrantedOnce() {
    User user = users.create("a@example.org", "A", null);
    assertThat(users.anyWithRole(Role.ADMIN)).isFalse();
    users.grant(user.id(), Role.ADMIN);
    users.grant(user.id(), Role.ADMIN);
    assertThat(users.roles(user.id())).containsExactly(Role.ADMIN);
    assertThat(users.anyWithRole(Role.ADMIN)).isTrue();
  }
}
