package dev.tessera.server.user;

import dev.tessera.server.store.Ids;
import dev.tessera.server.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcUserRepository implements UserRepository {
  private static final String COLUMNS = "id, external_id, email, name, avatar_url, created_at, updated_at";

  private final JdbcTemplate jdbc;

  JdbcUserRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public User create(String email, String name, String externalId) {
    Instant now = Rows.now();
    User user = new User(Ids.newId(), externalId, normalise(email), name, null, now, now);
    jdbc.update(
        "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
        user.id(),
        user.externalId(),
        user.email(),
        user.name(),
        user.avatarUrl(),
        Rows.timestamp(now),
        Rows.timestamp(now));
    return user;
  }

  @Override
  public void updateProfile(UUID id, String email, String name, String avatarUrl) {
    jdbc.update(
        "UPDATE users SET email = ?, name = ?, avatar_url = ?, updated_at = ? WHERE id = ?",
        normalise(email),
        name,
        avatarUrl,
        Rows.timestamp(Rows.now()),
        id);
  }

  @Override
  public void forget(UUID id) {
    for (String table : new String[] {"map_collaborators", "api_tokens", "local_credentials", "user_roles"}) {
      jdbc.update("DELETE FROM " + table + " WHERE user_id = ?", id);
    }
    jdbc.update(
        "UPDATE users SET email = NULL, name = NULL, avatar_url = NULL, updated_at = ? WHERE id = ?",
        Rows.timestamp(Rows.now()),
        id);
  }

  @Override
  public Optional<User> findById(UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM users WHERE id = ?", JdbcUserRepository::row, id).stream()
        .findFirst();
  }

  @Override
  public Optional<User> findByEmail(String email) {
    return jdbc.query("SELECT " + COLUMNS + " FROM users WHERE email = ?", JdbcUserRepository::row, normalise(email))
        .stream()
        .findFirst();
  }

  @Override
  public Optional<User> findByExternalId(String externalId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM users WHERE external_id = ?", JdbcUserRepository::row, externalId)
        .stream()
        .findFirst();
  }

  @Override
  public void setPasswordHash(UUID userId, String passwordHash) {
    var now = Rows.timestamp(Rows.now());
    int updated =
        jdbc.update(
            "UPDATE local_credentials SET password_hash = ?, updated_at = ? WHERE user_id = ?",
            passwordHash,
            now,
            userId);
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO local_credentials (user_id, password_hash, updated_at) VALUES (?, ?, ?)",
          userId,
          passwordHash,
          now);
    }
  }

  @Override
  public Optional<String> passwordHash(UUID userId) {
    return jdbc.queryForList("SELECT password_hash FROM local_credentials WHERE user_id = ?", String.class, userId)
        .stream()
        .findFirst();
  }

  @Override
  public void grant(UUID userId, Role role) {
    if (!roles(userId).contains(role)) {
      jdbc.update("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", userId, role.dbValue());
    }
  }

  @Override
  public Set<Role> roles(UUID userId) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : jdbc.queryForList("SELECT role FROM user_roles WHERE user_id = ?", String.class, userId)) {
      roles.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
    }
    return roles;
  }

  @Override
  public boolean anyWithRole(Role role) {
    Integer count =
        jdbc.queryForObject("SELECT COUNT(*) FROM user_roles WHERE role = ?", Integer.class, role.dbValue());
    return count != null && count > 0;
  }

  private static String normalise(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  private static User row(ResultSet rs, int rowNum) throws SQLException {
    return new User(
        Rows.uuid(rs, "id"),
        rs.getString("external_id"),
        rs.getString("email"),
        rs.getString("name"),
        rs.getString("avatar_url"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
