package dev.tessera.server.comment;

import dev.tessera.server.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCommentRepository implements CommentRepository {
  private static final String SELECT =
      "SELECT id, content, author_id, map_id, layer_id, parent_id, is_resolved, created_at, updated_at, deleted_at"
          + " FROM comments ";

  private final JdbcTemplate jdbc;

  JdbcCommentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(Comment c) {
    jdbc.update(
        """
        INSERT INTO comments (id, content, author_id, map_id, layer_id, parent_id, is_resolved, created_at, updated_at,
                              deleted_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        c.id(),
        c.content(),
        c.authorId(),
        c.mapId(),
        c.layerId(),
        c.parentId(),
        c.resolved(),
        Rows.timestamp(c.createdAt()),
        Rows.timestamp(c.updatedAt()),
        c.deletedAt() == null ? null : Rows.timestamp(c.deletedAt()));
  }

  @Override
  public Optional<Comment> findById(UUID id) {
    return jdbc.query(SELECT + "WHERE id = ?", JdbcCommentRepository::row, id).stream().findFirst();
  }

  @Override
  public List<Comment> findByMap(UUID mapId) {
    return jdbc.query(SELECT + "WHERE map_id = ? ORDER BY created_at, id", JdbcCommentRepository::row, mapId);
  }

  @Override
  public List<Comment> findByLayer(UUID layerId) {
    return jdbc.query(SELECT + "WHERE layer_id = ? ORDER BY created_at, id", JdbcCommentRepository::row, layerId);
  }

  @Override
  public boolean update(Comment c) {
    return jdbc.update(
            "UPDATE comments SET content = ?, is_resolved = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
            c.content(),
            c.resolved(),
            Rows.timestamp(c.updatedAt()),
            c.id())
        == 1;
  }

  @Override
  public boolean tombstone(UUID id, Instant at) {
    return jdbc.update(
            "UPDATE comments SET content = '', deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
            Rows.timestamp(at),
            Rows.timestamp(at),
            id)
        == 1;
  }

  @Override
  public boolean delete(UUID id) {
    return jdbc.update("DELETE FROM comments WHERE id = ?", id) == 1;
  }

  @Override
  public boolean hasReplies(UUID id) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM comments WHERE parent_id = ?)", Boolean.class, id));
  }

  @Override
  public Map<UUID, String> authorNames(Collection<UUID> authorIds) {
    Map<UUID, String> names = new HashMap<>();
    if (authorIds.isEmpty()) {
      return names;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(authorIds.size(), "?"));
    jdbc.query(
        "SELECT id, name FROM users WHERE id IN (" + marks + ")",
        rs -> {
          names.put(Rows.uuid(rs, "id"), rs.getString("name"));
        },
        authorIds.toArray());
    return names;
  }

  private static Comment row(ResultSet rs, int n) throws SQLException {
    return new Comment(
        Rows.uuid(rs, "id"),
        rs.getString("content"),
        Rows.uuid(rs, "author_id"),
        Rows.uuid(rs, "map_id"),
        Rows.uuid(rs, "layer_id"),
        Rows.uuid(rs, "parent_id"),
        rs.getBoolean("is_resolved"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        Rows.instant(rs, "deleted_at"));
  }
}
