package dev.tessera.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The few places where SQL differs between PostGIS and H2GIS: how geometry and JSON values are bound and read.
 * Everything else is written once in standard SQL. Stateless and thread-safe.
 */
public enum SqlDialect {
  /** PostGIS: geometry travels as WKB, JSON as text cast to jsonb. */
  POSTGRESQL {
    @Override
    public String geometryParam() {
      return "ST_GeomFromWKB(?, 4326)";
    }

    @Override
    public String geometryColumn(String column) {
      return "ST_AsBinary(" + column + ")";
    }

    @Override
    public String jsonParam() {
      return "CAST(? AS jsonb)";
    }

    @Override
    public String spatialIndexHint(String indexName) {
      return "";
    }

    @Override
    public void setGeometry(PreparedStatement ps, int index, Geometry geometry) throws SQLException {
      ps.setBytes(index, new WKBWriter(2).write(geometry));
    }

    @Override
    public Geometry getGeometry(ResultSet rs, String column) throws SQLException {
      byte[] wkb = rs.getBytes(column);
      if (wkb == null) {
        return null;
      }
      try {
        Geometry geometry = new WKBReader(GeometryFactories.WGS84).read(wkb);
        geometry.setSRID(4326);
        return geometry;
      } catch (ParseException e) {
        throw new SQLException("unreadable WKB in column " + column, e);
      }
    }
  },

  /** H2 + H2GIS: the driver converts JTS geometries itself, JSON is stored as text. */
  H2 {
    @Override
    public String geometryParam() {
      return "?";
    }

    @Override
    public String geometryColumn(String column) {
      return column;
    }

    @Override
    public String jsonParam() {
      return "?";
    }

    /** H2's planner prefers the layer_id index over the spatial one and then tests every feature of the layer. */
    @Override
    public String spatialIndexHint(String indexName) {
      return " USE INDEX (" + indexName + ")";
    }

    @Override
    public void setGeometry(PreparedStatement ps, int index, Geometry geometry) throws SQLException {
      ps.setObject(index, geometry);
    }

    @Override
    public Geometry getGeometry(ResultSet rs, String column) throws SQLException {
      return rs.getObject(column, Geometry.class);
    }
  };

  /** SQL expression that binds one geometry parameter (EPSG:4326). */
  public abstract String geometryParam();

  /** SQL select expression reading a geometry column in the form {@link #getGeometry} expects. */
  public abstract String geometryColumn(String column);

  /** SQL expression that binds one JSON text parameter. */
  public abstract String jsonParam();

  /** A table hint after the table alias that makes a bbox query use the spatial index; empty where not needed. */
  public abstract String spatialIndexHint(String indexName);

  public abstract void setGeometry(PreparedStatement ps, int index, Geometry geometry) throws SQLException;

  public abstract Geometry getGeometry(ResultSet rs, String column) throws SQLException;

  public static SqlDialect forJdbcUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new IllegalArgumentException("unsupported database: " + jdbcUrl);
  }
}
