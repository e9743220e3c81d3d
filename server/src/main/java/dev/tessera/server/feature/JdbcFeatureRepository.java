package dev.tessera.server.feature;

import dev.tessera.server.store.Rows;
import dev.tessera.server.store.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFeatureRepository implements FeatureRepository {
  private final JdbcTemplate jdbc;
  private final SqlDialect dialect;
  private final String columns;
  private final String insertSql;
  private final String updateSql;
  private final RowMapper<Feature> rowMapper = this::row;

  JdbcFeatureRepository(JdbcTemplate jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.columns =
        "f.id, f.layer_id, " + dialect.geometryColumn("f.geometry") + " AS geom, f.properties, f.display_order,"
            + " f.created_at, f.updated_at";
    this.insertSql =
        """
        INSERT INTO layer_features (id, layer_id, geometry, properties, display_order, created_at, updated_at)
        VALUES (?, ?, %s, %s, ?, ?, ?)"""
            .formatted(dialect.geometryParam(), dialect.jsonParam());
    this.updateSql =
        """
        UPDATE layer_features SET geometry = %s, properties = %s, display_order = ?, updated_at = ?
        WHERE layer_id = ? AND id = ?"""
            .formatted(dialect.geometryParam(), dialect.jsonParam());
  }

  @Override
  public void insertAll(List<Feature> features) {
    jdbc.batchUpdate(
        insertSql,
        features,
        features.size(),
        (ps, f) -> {
          ps.setObject(1, f.id());
          ps.setObject(2, f.layerId());
          dialect.setGeometry(ps, 3, f.geometry());
          ps.setString(4, f.propertiesJson());
          ps.setInt(5, f.displayOrder());
          ps.setObject(6, Rows.timestamp(f.createdAt()));
          ps.setObject(7, Rows.timestamp(f.updatedAt()));
        });
  }

  @Override
  public Optional<Feature> findById(UUID layerId, UUID featureId) {
    return jdbc.query(
            "SELECT " + columns + " FROM layer_features f WHERE f.layer_id = ? AND f.id = ?",
            rowMapper,
            layerId,
            featureId)
        .stream()
        .findFirst();
  }

  @Override
  public List<Feature> page(UUID layerId, Envelope bbox, UUID after, int limit) {
    List<Object> args = new ArrayList<>();
    return jdbc.query(pageSql(layerId, bbox, after, 0, limit, args), rowMapper, args.toArray());
  }

  @Override
  public void forEachInPage(
      UUID layerId, Envelope bbox, UUID after, long skip, int limit, Consumer<Feature> consumer) {
    List<Object> args = new ArrayList<>();
    String sql = pageSql(layerId, bbox, after, skip, limit, args);
    jdbc.query(
        con -> {
          var ps = con.prepareStatement(sql);
          for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
          }
          ps.setFetchSize(Math.min(limit, 1000));
          return ps;
        },
        rs -> {
          consumer.accept(row(rs, 0));
        });
  }

  /** The page query; fills {@code args} with its parameters in order. */
  private String pageSql(UUID layerId, Envelope bbox, UUID after, long skip, int limit, List<Object> args) {
    String hint = bbox != null ? dialect.spatialIndexHint("idx_features_geometry") : "";
    StringBuilder sql =
        new StringBuilder("SELECT " + columns + " FROM layer_features f" + hint + " WHERE f.layer_id = ?");
    args.add(layerId);
    if (bbox != null) {
      // && uses the spatial index on both stores; ST_Intersects then drops envelope-only matches.
      sql.append(
          " AND f.geometry && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
              + " AND ST_Intersects(f.geometry, ST_MakeEnvelope(?, ?, ?, ?, 4326))");
      for (int i = 0; i < 2; i++) {
        args.add(bbox.getMinX());
        args.add(bbox.getMinY());
        args.add(bbox.getMaxX());
        args.add(bbox.getMaxY());
      }
    }
    if (after != null) {
      sql.append(" AND f.id > ?");
      args.add(after);
    }
    sql.append(" ORDER BY f.id LIMIT ?");
    args.add(limit);
    if (skip > 0) {
      sql.append(" OFFSET ?");
      args.add(skip);
    }
    return sql.toString();
  }

  @Override
  public void forEach(UUID layerId, Consumer<Feature> consumer) {
    forEachWithFid(layerId, (fid, f) -> consumer.accept(f));
  }

  @Override
  public void forEachWithFid(UUID layerId, FidConsumer consumer) {
    jdbc.query(
        con -> {
          var ps = con.prepareStatement(
              "SELECT " + columns + ", f.fid FROM layer_features f WHERE f.layer_id = ? ORDER BY f.id");
          ps.setObject(1, layerId);
          ps.setFetchSize(1000);
          return ps;
        },
        rs -> {
          consumer.accept(rs.getLong("fid"), row(rs, 0));
        });
  }

  @Override
  public void forEachPoint(UUID layerId, PointConsumer consumer) {
    jdbc.query(
        con -> {
          // ST_PointOnSurface of a point is the point; both stores compute it without a JTS round trip here.
          var ps = con.prepareStatement(
              """
              SELECT q.id, q.fid, ST_X(q.p) AS x, ST_Y(q.p) AS y, q.properties
              FROM (SELECT f.id, f.fid, ST_PointOnSurface(f.geometry) AS p, f.properties
                    FROM layer_features f WHERE f.layer_id = ?) q""");
          ps.setObject(1, layerId);
          ps.setFetchSize(10_000);
          return ps;
        },
        rs -> {
          double x = rs.getDouble("x");
          boolean empty = rs.wasNull();
          double y = rs.getDouble("y");
          consumer.accept(
              Rows.uuid(rs, "id"), rs.getLong("fid"), empty ? Double.NaN : x, empty ? Double.NaN : y,
              rs.getString("properties"));
        });
  }

  @Override
  public Map<UUID, Long> fids(UUID layerId, Collection<UUID> ids) {
    Map<UUID, Long> fids = new HashMap<>();
    List<UUID> all = List.copyOf(ids);
    // IN lists of bounded length: both stores plan them well, and no driver limit on parameters is reached.
    for (int from = 0; from < all.size(); from += 500) {
      List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 500));
      List<Object> args = new ArrayList<>(chunk.size() + 1);
      args.add(layerId);
      args.addAll(chunk);
      jdbc.query(
          "SELECT id, fid FROM layer_features WHERE layer_id = ? AND id IN ("
              + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
          rs -> {
            fids.put(Rows.uuid(rs, "id"), rs.getLong("fid"));
          },
          args.toArray());
    }
    return fids;
  }

  @Override
  public boolean update(Feature f) {
    return jdbc.update(
            con -> {
              var ps = con.prepareStatement(updateSql);
              dialect.setGeometry(ps, 1, f.geometry());
              ps.setString(2, f.propertiesJson());
              ps.setInt(3, f.displayOrder());
              ps.setObject(4, Rows.timestamp(f.updatedAt()));
              ps.setObject(5, f.layerId());
              ps.setObject(6, f.id());
              return ps;
            })
        == 1;
  }

  @Override
  public boolean delete(UUID layerId, UUID featureId) {
    return jdbc.update("DELETE FROM layer_features WHERE layer_id = ? AND id = ?", layerId, featureId) == 1;
  }

  @Override
  public FeatureStats stats(UUID layerId) {
    return jdbc.queryForObject(
        """
        SELECT COUNT(*) AS n, MIN(ST_XMin(geometry)) AS min_x, MIN(ST_YMin(geometry)) AS min_y,
               MAX(ST_XMax(geometry)) AS max_x, MAX(ST_YMax(geometry)) AS max_y,
               SUM(CASE WHEN ST_Dimension(geometry) = 0 THEN 0 ELSE 1 END) AS not_points
        FROM layer_features WHERE layer_id = ?""",
        (rs, n) -> {
          long count = rs.getLong("n");
          if (count == 0) {
            return new FeatureStats(0, null, false);
          }
          return new FeatureStats(
              count,
              new Envelope(rs.getDouble("min_x"), rs.getDouble("max_x"), rs.getDouble("min_y"), rs.getDouble("max_y")),
              rs.getLong("not_points") == 0);
        },
        layerId);
  }

  private Feature row(ResultSet rs, int rowNum) throws SQLException {
    return new Feature(
        Rows.uuid(rs, "id"),
        Rows.uuid(rs, "layer_id"),
        dialect.getGeometry(rs, "geom"),
        rs.getString("properties"),
        rs.getInt("display_order"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
