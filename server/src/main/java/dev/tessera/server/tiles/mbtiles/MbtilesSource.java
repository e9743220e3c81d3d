package dev.tessera.server.tiles.mbtiles;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.server.tiles.Tile;
import dev.tessera.server.tiles.TileFormat;
import dev.tessera.server.tiles.TileSetInfo;
import dev.tessera.server.tiles.TileSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.sqlite.SQLiteConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tiles of an MBTiles 1.3 file (a SQLite database: {@code metadata(name, value)} and {@code tiles(zoom_level,
 * tile_column, tile_row, tile_data)} with rows counted from the south, TMS style), read with plain JDBC over
 * sqlite-jdbc. One read-only connection per file, used by one request at a time (SQLite reads are fast; a pool would
 * buy little). Vector tiles stored gzipped, as most MBTiles writers do, are passed on as they are. Thread-safe.
 */
public final class MbtilesSource implements TileSource, AutoCloseable {
  private static final String SELECT_TILE =
      """
      SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?
      """;
  private static final String SELECT_METADATA = "SELECT name, value FROM metadata";

  private final String location;
  private final Connection connection;
  private final TileFormat format;
  private final TileSetInfo info;

  private MbtilesSource(String location, Connection connection, Map<String, String> metadata) {
    this.location = location;
    this.connection = connection;
    this.format = format(metadata.getOrDefault("format", "pbf"), location);
    this.info =
        new TileSetInfo(
            bounds(metadata.get("bounds")),
            integer(metadata.get("minzoom"), 0),
            integer(metadata.get("maxzoom"), 22),
            vectorLayers(metadata.get("json")));
  }

  /** Opens {@code file} read-only; {@code location} is how the layer names it, for problems. */
  public static MbtilesSource open(String location, Path file) {
    Connection connection = null;
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      connection = config.createConnection("jdbc:sqlite:" + file);
      Map<String, String> metadata = new HashMap<>();
      try (PreparedStatement statement = connection.prepareStatement(SELECT_METADATA);
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          metadata.put(rows.getString(1), rows.getString(2));
        }
      }
      return new MbtilesSource(location, connection, metadata);
    } catch (SQLException | RuntimeException e) {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e instanceof MbtilesException known ? known : MbtilesException.unreadable(location, e);
    }
  }

  @Override
  public TileFormat format() {
    return format;
  }

  @Override
  public TileSetInfo info() {
    return info;
  }

  @Override
  public Tile tile(TileCoord coord) {
    int tmsRow = (1 << coord.z()) - 1 - coord.y(); // MBTiles rows grow northwards
    byte[] data;
    synchronized (connection) {
      try (PreparedStatement statement = connection.prepareStatement(SELECT_TILE)) {
        statement.setInt(1, coord.z());
        statement.setInt(2, coord.x());
        statement.setInt(3, tmsRow);
        try (ResultSet rows = statement.executeQuery()) {
          data = rows.next() ? rows.getBytes(1) : null;
        }
      } catch (SQLException e) {
        throw MbtilesException.unreadable(location, e);
      }
    }
    if (data == null || data.length == 0) {
      return null;
    }
    return Tile.looksGzipped(data) ? Tile.gzipped(data) : Tile.raw(data);
  }

  private static TileFormat format(String format, String location) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "pbf", "mvt" -> TileFormat.MVT;
      case "png" -> TileFormat.PNG;
      case "jpg", "jpeg" -> TileFormat.JPEG;
      case "webp" -> TileFormat.WEBP;
      default -> throw MbtilesException.unsupported(location, "tile format '" + format + "' is not served");
    };
  }

  private static Envelope bounds(String bounds) {
    if (bounds == null) {
      return null;
    }
    String[] parts = bounds.split(",");
    try {
      return parts.length != 4
          ? null
          : new Envelope(
              Double.parseDouble(parts[0].strip()),
              Double.parseDouble(parts[2].strip()),
              Double.parseDouble(parts[1].strip()),
              Double.parseDouble(parts[3].strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int integer(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static JsonNode vectorLayers(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode layers = JsonMapper.shared().readTree(json).path("vector_layers");
      return layers.isArray() ? layers : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  @Override
  public void close() throws SQLException {
    synchronized (connection) {
      connection.close();
    }
  }

  @Override
  public String toString() {
    return "MbtilesSource[" + location + "]";
  }
}
