package dev.tessera.server.store;

import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Parent rows for repository contracts, written with plain SQL so a contract depends only on the repository it
 * tests.
 */
public final class StoreFixture {
  private final JdbcTemplate jdbc;
  private final SqlDialect dialect;

  public StoreFixture(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.dialect = TestDatabases.dialect(dataSource);
  }

  public UUID user(String email) {
    UUID id = Ids.newId();
    var now = Rows.timestamp(Rows.now());
    jdbc.update(
        "INSERT INTO users (id, email, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)", id, email, email, now, now);
    return id;
  }

  public UUID map(UUID owner, String permissionLevel) {
    UUID id = Ids.newId();
    var now = Rows.timestamp(Rows.now());
    jdbc.update(
        """
        INSERT INTO maps (id, name, center_lat, center_lng, zoom, permission_level, created_by, version, created_at,
                          updated_at)
        VALUES (?, 'm', 0, 0, 2, ?, ?, 1, ?, ?)""",
        id,
        permissionLevel,
        owner,
        now,
        now);
    return id;
  }

  public UUID layer(UUID creator, String sourceType, boolean global) {
    UUID id = Ids.newId();
    var now = Rows.timestamp(Rows.now());
    jdbc.update(
        """
        INSERT INTO layers (id, name, source_type, created_by, editable, is_global, source_config, version, created_at,
                            updated_at)
        VALUES (?, 'l', ?, ?, 'creator-only', ?, %s, 1, ?, ?)"""
            .formatted(dialect.jsonParam()),
        id,
        sourceType,
        creator,
        global,
        "{}",
        now,
        now);
    return id;
  }

  public void placeLayer(UUID mapId, UUID layerId, int order) {
    jdbc.update(
        "INSERT INTO map_layers (id, map_id, layer_id, display_order, is_visible, opacity, added_at)"
            + " VALUES (?, ?, ?, ?, TRUE, 1, ?)",
        Ids.newId(),
        mapId,
        layerId,
        order,
        Rows.timestamp(Rows.now()));
  }

  public void collaborator(UUID mapId, UUID userId, String permission) {
    jdbc.update(
        "INSERT INTO map_collaborators (id, map_id, user_id, permission, invited_at) VALUES (?, ?, ?, ?, ?)",
        Ids.newId(),
        mapId,
        userId,
        permission,
        Rows.timestamp(Rows.now()));
  }

  public int count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  public static Instant now() {
    return Rows.now();
  }
}
