package dev.tessera.server.feature;

import dev.tessera.engine.geojson.GeoJsonFeature;
import dev.tessera.server.problem.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams features from GeoParquet (WKB geometry) with DuckDB's JDBC driver, which reads Parquet without any
 * extension: the upload is spooled to a temporary file (Parquet's footer is at the end), the {@code geo} metadata
 * names the geometry column, and rows are read in file order; other columns become properties. Only longitude/latitude
 * (OGC:CRS84 / EPSG:4326, GeoParquet's default) is accepted. Row numbers in errors start at 1. Used by one thread.
 */
final class ParquetFeatures extends RowFeatures {
  private static final JsonFactory JSON = new JsonFactory();
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

  private final Path file;
  private final Connection duckdb;
  private final ResultSet rows;
  private final int geometryColumn;
  private final String geometryName;
  private final boolean repair;
  private final WKBReader wkb = new WKBReader(GEOMETRY);
  private long row;

  private ParquetFeatures(InputStream body, boolean repair, boolean skipInvalid) throws IOException, SQLException {
    super(skipInvalid);
    this.repair = repair;
    this.file = Files.createTempFile("tessera-import-", ".parquet");
    try {
      Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      this.duckdb = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = duckdb.createStatement()) {
        // Nothing is downloaded or loaded: plain Parquet reading is built in.
        s.execute("SET autoinstall_known_extensions = false");
        s.execute("SET autoload_known_extensions = false");
        s.execute("SET enable_geoparquet_conversion = false");
      }
      this.geometryName = geometryColumnName();
      PreparedStatement select = duckdb.prepareStatement("SELECT * FROM read_parquet(?)");
      select.setString(1, file.toString());
      this.rows = select.executeQuery();
      this.geometryColumn = rows.findColumn(geometryName);
    } catch (IOException | SQLException | RuntimeException e) {
      cleanUp();
      throw e;
    }
  }

  static ParquetFeatures open(InputStream body, boolean repair, boolean skipInvalid) {
    try {
      return new ParquetFeatures(body, repair, skipInvalid);
    } catch (SQLException e) {
      throw ApiException.badRequest("invalid_parquet", "The upload is not a readable Parquet file: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The primary geometry column from the {@code geo} metadata, checked to be WKB in longitude/latitude. */
  private String geometryColumnName() throws SQLException {
    try (PreparedStatement kv =
        duckdb.prepareStatement("SELECT decode(value) FROM parquet_kv_metadata(?) WHERE decode(key) = 'geo'")) {
      kv.setString(1, file.toString());
      try (ResultSet r = kv.executeQuery()) {
        if (!r.next()) {
          throw ApiException.badRequest(
              "invalid_parquet", "The Parquet file has no 'geo' metadata: it is not GeoParquet.");
        }
        JsonNode geo = MAPPER.readTree(r.getString(1));
        String primary = geo.path("primary_column").asString("");
        JsonNode column = geo.path("columns").path(primary);
        if (primary.isEmpty() || column.isMissingNode()) {
          throw ApiException.badRequest("invalid_parquet", "The GeoParquet metadata names no primary geometry column.");
        }
        String encoding = column.path("encoding").asString("WKB");
        if (!encoding.equalsIgnoreCase("WKB")) {
          throw ApiException.badRequest(
              "unsupported_geometry_encoding", "Only WKB geometry is read, not '" + encoding + "'.");
        }
        JsonNode crs = column.path("crs");
        if (!crs.isMissingNode() && !crs.isNull() && !isLonLat(crs)) {
          throw ApiException.badRequest(
              "unsupported_crs", "Only longitude/latitude (OGC:CRS84, EPSG:4326) GeoParquet is imported.");
        }
        return primary;
      }
    }
  }

  private static boolean isLonLat(JsonNode crs) {
    JsonNode id = crs.path("id");
    String authority = id.path("authority").asString("");
    String code = id.path("code").asString(id.path("code").isNumber() ? id.path("code").asText() : "");
    return (authority.equals("OGC") && code.equals("CRS84")) || (authority.equals("EPSG") && code.equals("4326"));
  }

  @Override
  protected boolean advance() {
    try {
      if (!rows.next()) {
        return false;
      }
      row++;
      return true;
    } catch (SQLException e) {
      throw ApiException.badRequest("invalid_parquet", "The Parquet file could not be read: " + e.getMessage())
          .with("row", row + 1);
    }
  }

  @Override
  protected long row() {
    return row;
  }

  @Override
  protected GeoJsonFeature feature() {
    try {
      byte[] bytes = rows.getBytes(geometryColumn);
      if (bytes == null) {
        throw invalidRow("has no geometry");
      }
      Geometry g;
      try {
        g = wkb.read(bytes);
      } catch (ParseException e) {
        throw invalidRow("has WKB that cannot be read: " + e.getMessage());
      }
      var e = g.getEnvelopeInternal();
      if (g.isEmpty() || e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
        throw invalidRow("has an empty geometry or coordinates outside longitude -180..180, latitude -90..90");
      }
      if (!g.isValid()) {
        if (!repair) {
          throw invalidRow("has an invalid geometry; import with ?repair=true to fix it");
        }
        g = GeometryFixer.fix(g);
        repaired++;
      }
      g.setSRID(4326);
      return new GeoJsonFeature(g, properties());
    } catch (SQLException e) {
      throw invalidRow("could not be read: " + e.getMessage());
    }
  }

  private String properties() throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    StringWriter text = new StringWriter(128);
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
      g.writeStartObject();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        if (i == geometryColumn) {
          continue;
        }
        Object value = rows.getObject(i);
        if (value == null) {
          continue;
        }
        g.writeName(meta.getColumnLabel(i));
        switch (value) {
          case Boolean b -> g.writeBoolean(b);
          case Integer n -> g.writeNumber(n);
          case Long n -> g.writeNumber(n);
          case Short n -> g.writeNumber(n);
          case Byte n -> g.writeNumber(n);
          case Double d when Double.isFinite(d) -> g.writeNumber(d);
          case Float f when Float.isFinite(f) -> g.writeNumber(f);
          case BigDecimal d -> g.writeNumber(d);
          case java.math.BigInteger n -> g.writeNumber(n);
          default -> g.writeString(value.toString());
        }
      }
      g.writeEndObject();
    }
    return text.toString();
  }

  private ApiException invalidRow(String why) {
    return ApiException.badRequest(
            "invalid_row",
            "Parquet row " + row + " " + why + "; nothing was imported (add ?skip_invalid=true to leave bad rows out).")
        .with("row", row)
        .with("column", geometryName);
  }

  @Override
  public void close() {
    cleanUp();
  }

  private void cleanUp() {
    try {
      if (duckdb != null) {
        duckdb.close();
      }
    } catch (SQLException e) {
      // closing an in-memory database cannot lose anything
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the temporary directory is cleaned by the system
    }
  }
}
