package dev.tessera.server.collab;

import dev.tessera.server.store.Ids;
import dev.tessera.server.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCollaboratorRepository implements CollaboratorRepository {
  private static final String SELECT =
      """
      SELECT c.map_id, c.user_id, u.email, u.name, c.permission, c.invited_at, c.accepted_at
      FROM map_collaborators c JOIN users u ON u.id = c.user_id
      """;

  private final JdbcTemplate jdbc;

  JdbcCollaboratorRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Collaborator> findByMap(UUID mapId) {
    return jdbc.query(SELECT + "WHERE c.map_id = ? ORDER BY c.invited_at, c.id", JdbcCollaboratorRepository::row, mapId);
  }

  @Override
  public Optional<Collaborator> find(UUID mapId, UUID userId) {
    return jdbc.query(SELECT + "WHERE c.map_id = ? AND c.user_id = ?", JdbcCollaboratorRepository::row, mapId, userId)
        .stream()
        .findFirst();
  }

  @Override
  public void upsert(UUID mapId, UUID userId, CollaboratorPermission permission, Instant invitedAt) {
    int updated =
        jdbc.update(
            "UPDATE map_collaborators SET permission = ? WHERE map_id = ? AND user_id = ?",
            permission.value(),
            mapId,
            userId);
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO map_collaborators (id, map_id, user_id, permission, invited_at) VALUES (?, ?, ?, ?, ?)",
          Ids.newId(),
          mapId,
          userId,
          permission.value(),
          Rows.timestamp(invitedAt));
    }
  }

  @Override
  public boolean accept(UUID mapId, UUID userId, Instant acceptedAt) {
    return jdbc.update(
            "UPDATE map_collaborators SET accepted_at = COALESCE(accepted_at, ?) WHERE map_id = ? AND user_id = ?",
            Rows.timestamp(acceptedAt),
            mapId,
            userId)
        == 1;
  }

  @Override
  public boolean delete(UUID mapId, UUID userId) {
    return jdbc.update("DELETE FROM map_collaborators WHERE map_id = ? AND user_id = ?", mapId, userId) == 1;
  }

  @Override
  public List<Collaborator> pendingFor(UUID userId) {
    return jdbc.query(
        SELECT + "WHERE c.user_id = ? AND c.accepted_at IS NULL ORDER BY c.invited_at DESC, c.id",
        JdbcCollaboratorRepository::row,
        userId);
  }

  private static Collaborator row(ResultSet rs, int n) throws SQLException {
    return new Collaborator(
        Rows.uuid(rs, "map_id"),
        Rows.uuid(rs, "user_id"),
        rs.getString("email"),
        rs.getString("name"),
        CollaboratorPermission.of(rs.getString("permission")),
        Rows.instant(rs, "invited_at"),
        Rows.instant(rs, "accepted_at"));
  }
}
