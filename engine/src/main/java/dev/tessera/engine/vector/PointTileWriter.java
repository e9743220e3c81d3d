package dev.tessera.engine.vector;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.tile.WebMercator;

/**
 * Writes one MVT layer of points given in longitude/latitude, for tiles drawn from a point index (clusters below the
 * cluster zoom) rather than cut from a {@link VectorTileIndex}. Points outside the tile and its buffer are left out.
 * Not thread-safe: one instance per tile.
 */
public final class PointTileWriter {
  private final MvtWriter writer;
  private final TileCoord tile;
  private final int extent;
  private final int buffer;
  private final int[] command = new int[3];

  public PointTileWriter(String layerName, TileCoord tile, int extent, int buffer) {
    this.writer = new MvtWriter(layerName, extent);
    this.tile = tile;
    this.extent = extent;
    this.buffer = buffer;
  }

  /** Adds a point with attributes from a JSON object's text. */
  public void add(long id, double lon, double lat, String propertiesJson) {
    add(id, lon, lat, propertiesJson == null ? new Object[0] : Attributes.parse(propertiesJson));
  }

  /**
   * Adds a point.
   *
   * @param attributes {@code key, value, …} with String keys and String, Boolean, Long or Double values
   */
  public void add(long id, double lon, double lat, Object[] attributes) {
    double scale = (double) (1L << tile.z());
    double wx = WebMercator.x(lon);
    double wy = WebMercator.y(lat);
    long px = Math.round((wx * scale - tile.x()) * extent);
    long py = Math.round((wy * scale - tile.y()) * extent);
    if (px < -buffer || px > extent + buffer || py < -buffer || py > extent + buffer) {
      return;
    }
    command[0] = (1 & 0x7) | (1 << 3); // MoveTo, count 1
    command[1] = (int) ((px << 1) ^ (px >> 63));
    command[2] = (int) ((py << 1) ^ (py >> 63));
    writer.addFeature(id, attributes, MvtWriter.POINT, command, 3);
  }

  public int featureCount() {
    return writer.featureCount();
  }

  /** The encoded tile, or null when no point was added. */
  public byte[] finish() {
    return writer.finish();
  }
}
