package dev.tessera.server.map;

import dev.tessera.server.security.AccessSql;
import dev.tessera.server.security.Caller;
import dev.tessera.server.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMapRepository implements MapRepository {
  private static final String COLUMNS =
      "m.id, m.name, m.description, m.center_lat, m.center_lng, m.zoom, m.basemap, m.permission_level, m.created_by,"
          + " m.version, m.created_at, m.updated_at";
  private static final String LAYER_COLUMNS = "id, map_id, layer_id, display_order, is_visible, opacity, added_at";

  private final JdbcTemplate jdbc;

  JdbcMapRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(WebMap map) {
    jdbc.update(
        """
        INSERT INTO maps (id, name, description, center_lat, center_lng, zoom, basemap, permission_level, created_by,
                          version, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        map.id(),
        map.name(),
        map.description(),
        map.centerLat(),
        map.centerLng(),
        map.zoom(),
        map.basemap(),
        map.permissionLevel().value(),
        map.createdBy(),
        map.version(),
        Rows.timestamp(map.createdAt()),
        Rows.timestamp(map.updatedAt()));
  }

  @Override
  public Optional<WebMap> findById(UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM maps m WHERE m.id = ?", JdbcMapRepository::row, id).stream()
        .findFirst();
  }

  @Override
  public Optional<WebMap> lock(UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM maps m WHERE m.id = ? FOR UPDATE", JdbcMapRepository::row, id)
        .stream()
        .findFirst();
  }

  @Override
  public List<WebMap> findVisibleTo(Caller caller) {
    if (caller.admin()) {
      return jdbc.query("SELECT " + COLUMNS + " FROM maps m ORDER BY m.updated_at DESC, m.id", JdbcMapRepository::row);
    }
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM maps m WHERE " + AccessSql.MAP_VISIBLE + " ORDER BY m.updated_at DESC, m.id",
        JdbcMapRepository::row,
        caller.userId(),
        caller.userId());
  }

  @Override
  public boolean update(WebMap map, long expectedVersion) {
    return jdbc.update(
            """
            UPDATE maps SET name = ?, description = ?, center_lat = ?, center_lng = ?, zoom = ?, basemap = ?,
                            permission_level = ?, version = ?, updated_at = ?
            WHERE id = ? AND version = ?""",
            map.name(),
            map.description(),
            map.centerLat(),
            map.centerLng(),
            map.zoom(),
            map.basemap(),
            map.permissionLevel().value(),
            expectedVersion + 1,
            Rows.timestamp(map.updatedAt()),
            map.id(),
            expectedVersion)
        == 1;
  }

  @Override
  public void touch(UUID id) {
    jdbc.update(
        "UPDATE maps SET version = version + 1, updated_at = ? WHERE id = ?", Rows.timestamp(Rows.now()), id);
  }

  @Override
  public boolean delete(UUID id) {
    return jdbc.update("DELETE FROM maps WHERE id = ?", id) == 1;
  }

  @Override
  public Optional<String> collaboratorPermission(UUID mapId, UUID userId) {
    return jdbc.queryForList(
            "SELECT permission FROM map_collaborators WHERE map_id = ? AND user_id = ?", String.class, mapId, userId)
        .stream()
        .findFirst();
  }

  @Override
  public List<MapLayer> layers(UUID mapId) {
    return jdbc.query(
        "SELECT " + LAYER_COLUMNS + " FROM map_layers WHERE map_id = ? ORDER BY display_order, added_at",
        JdbcMapRepository::layerRow,
        mapId);
  }

  @Override
  public void insertLayer(MapLayer ml) {
    jdbc.update(
        "INSERT INTO map_layers (" + LAYER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
        ml.id(),
        ml.mapId(),
        ml.layerId(),
        ml.displayOrder(),
        ml.isVisible(),
        ml.opacity(),
        Rows.timestamp(ml.addedAt()));
  }

  @Override
  public boolean updateLayer(MapLayer ml) {
    return jdbc.update(
            "UPDATE map_layers SET display_order = ?, is_visible = ?, opacity = ? WHERE map_id = ? AND layer_id = ?",
            ml.displayOrder(),
            ml.isVisible(),
            ml.opacity(),
            ml.mapId(),
            ml.layerId())
        == 1;
  }

  @Override
  public boolean deleteLayer(UUID mapId, UUID layerId) {
    return jdbc.update("DELETE FROM map_layers WHERE map_id = ? AND layer_id = ?", mapId, layerId) == 1;
  }

  @Override
  public void reorderLayers(UUID mapId, List<UUID> layerIds) {
    jdbc.batchUpdate(
        "UPDATE map_layers SET display_order = ? WHERE map_id = ? AND layer_id = ?",
        layerIds,
        layerIds.size(),
        (ps, layerId) -> {
          ps.setInt(1, layerIds.indexOf(layerId));
          ps.setObject(2, mapId);
          ps.setObject(3, layerId);
        });
  }

  private static WebMap row(ResultSet rs, int rowNum) throws SQLException {
    return new WebMap(
        Rows.uuid(rs, "id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getDouble("center_lat"),
        rs.getDouble("center_lng"),
        rs.getDouble("zoom"),
        rs.getString("basemap"),
        PermissionLevel.of(rs.getString("permission_level")),
        Rows.uuid(rs, "created_by"),
        rs.getLong("version"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }

  private static MapLayer layerRow(ResultSet rs, int rowNum) throws SQLException {
    return new MapLayer(
        Rows.uuid(rs, "id"),
        Rows.uuid(rs, "map_id"),
        Rows.uuid(rs, "layer_id"),
        rs.getInt("display_order"),
        rs.getBoolean("is_visible"),
        rs.getDouble("opacity"),
        Rows.instant(rs, "added_at"));
  }
}
