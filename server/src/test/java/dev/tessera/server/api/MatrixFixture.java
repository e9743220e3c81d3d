package dev.tessera.server.api;

import dev.tessera.server.api.Rule.Level;
import dev.tessera.server.api.Rule.Role;
import dev.tessera.server.store.Ids;
import dev.tessera.server.store.Rows;
import dev.tessera.server.store.SqlDialect;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One map of a given permission level and everything the matrix rows point at, written with plain SQL (fast, and
 * independent of the endpoints under test).
 */
final class MatrixFixture {
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
  private final JdbcTemplate jdbc;
  private final SqlDialect dialect;
  private final Map<Role, UUID> users;

  MatrixFixture(JdbcTemplate jdbc, SqlDialect dialect, Map<Role, UUID> users) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.users = users;
  }

  Map<String, String> create(Level level) {
    var now = Rows.timestamp(Rows.now());
    UUID owner = users.get(Role.OWNER);
    UUID map = Ids.newId();
    jdbc.update(
        """
        INSERT INTO maps (id, name, center_lat, center_lng, zoom, permission_level, created_by, version, created_at,
                          updated_at)
        VALUES (?, 'matrix', 0, 0, 2, ?, ?, 1, ?, ?)""",
        map, level.value(), owner, now, now);
    collaborator(map, users.get(Role.EDITOR), "edit");
    collaborator(map, users.get(Role.VIEWER), "view");
    UUID layer = layer(owner, false, now);
    UUID globalLayer = layer(owner, true, now);
    jdbc.update(
        "INSERT INTO map_layers (id, map_id, layer_id, display_order, is_visible, opacity, added_at)"
            + " VALUES (?, ?, ?, 0, TRUE, 1, ?)",
        Ids.newId(), map, layer, now);
    UUID feature = Ids.newId();
    jdbc.update(
        "INSERT INTO layer_features (id, layer_id, geometry, properties, display_order, created_at, updated_at)"
            + " VALUES (?, ?, %s, %s, 0, ?, ?)".formatted(dialect.geometryParam(), dialect.jsonParam()),
        ps -> {
          ps.setObject(1, feature);
          ps.setObject(2, layer);
          dialect.setGeometry(ps, 3, WGS84.createPoint(new Coordinate(4, 52)));
          ps.setString(4, "{\"n\": 1}");
          ps.setObject(5, now);
          ps.setObject(6, now);
        });
    UUID comment = Ids.newId();
    jdbc.update(
        "INSERT INTO comments (id, content, author_id, map_id, is_resolved, created_at, updated_at)"
            + " VALUES (?, 'first', ?, ?, FALSE, ?, ?)",
        comment, users.get(Role.VIEWER), map, now, now);
    return Map.of(
        "map", map.toString(),
        "layer", layer.toString(),
        "globalLayer", globalLayer.toString(),
        "feature", feature.toString(),
        "comment", comment.toString(),
        "viewerId", users.get(Role.VIEWER).toString(),
        "otherId", users.get(Role.OTHER).toString(),
        "otherEmail", "other-invitee-" + map + "@matrix.test");
  }

  private void collaborator(UUID map, UUID user, String permission) {
    var now = Rows.timestamp(Rows.now());
    jdbc.update(
        "INSERT INTO map_collaborators (id, map_id, user_id, permission, invited_at, accepted_at) VALUES (?, ?, ?, ?, ?, ?)",
        Ids.newId(), map, user, permission, now, now);
  }

  private UUID layer(UUID creator, boolean global, Object now) {
    UUID id = Ids.newId();
    jdbc.update(
        """
        INSERT INTO layers (id, name, source_type, created_by, editable, is_global, source_config, version, created_at,
                            updated_at)
        VALUES (?, 'matrix', 'vector', ?, 'everyone', ?, %s, 1, ?, ?)"""
            .formatted(dialect.jsonParam()),
        id, creator, global, "{\"geometryType\": \"Geometry\", \"featureCount\": 1, \"bounds\": [4, 52, 4, 52]}", now, now);
    return id;
  }
}
