package dev.tessera.server.security;

import dev.tessera.server.store.Rows;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApiTokenRepository implements ApiTokenRepository {
  private final JdbcTemplate jdbc;

  JdbcApiTokenRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(ApiToken token, String tokenHash) {
    jdbc.update(
        "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
        token.id(),
        token.userId(),
        token.name(),
        tokenHash,
        Rows.timestamp(token.createdAt()));
  }

  @Override
  public Optional<UUID> findUserByHash(String tokenHash) {
    return jdbc.queryForList("SELECT user_id FROM api_tokens WHERE token_hash = ?", UUID.class, tokenHash).stream()
        .findFirst();
  }

  @Override
  public List<ApiToken> findByUser(UUID userId) {
    return jdbc.query(
        "SELECT id, user_id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY created_at",
        (rs, n) ->
            new ApiToken(
                Rows.uuid(rs, "id"),
                Rows.uuid(rs, "user_id"),
                rs.getString("name"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "last_used_at")),
        userId);
  }

  @Override
  public boolean delete(UUID userId, UUID tokenId) {
    return jdbc.update("DELETE FROM api_tokens WHERE user_id = ? AND id = ?", userId, tokenId) == 1;
  }
}
