package dev.tessera.engine.vector;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.tile.WebMercator;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one MVT layer of points given in longitude/latitude, for tiles drawn from a point index (clusters below the
 * cluster zoom) rather than cut from a {@link VectorTileIndex}. Points outside the tile and its buffer are left out.
 * Attributes are interned in a dictionary of this tile only. Not thread-safe: one instance per tile.
 */
public final class PointTileWriter {
  private record Point(long id, int x, int y, int[] tags) {}

  private final String layerName;
  private final TileCoord tile;
  private final int extent;
  private final int buffer;
  private final AttributeDictionary dictionary = new AttributeDictionary();
  private final List<Point> points = new ArrayList<>();

  public PointTileWriter(String layerName, TileCoord tile, int extent, int buffer) {
    this.layerName = layerName;
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
    long px = Math.round((WebMercator.x(lon) * scale - tile.x()) * extent);
    long py = Math.round((WebMercator.y(lat) * scale - tile.y()) * extent);
    if (px < -buffer || px > extent + buffer || py < -buffer || py > extent + buffer) {
      return;
    }
    points.add(new Point(id, (int) px, (int) py, dictionary.intern(attributes)));
  }


  /** The encoded tile, or null when no point was added. */
  public byte[] finish() {
    MvtWriter writer = new MvtWriter(layerName, extent, dictionary.freeze(), points.size());
    int[] command = new int[3];
    for (Point p : points) {
      command[0] = 1 | (1 << 3); // MoveTo, count 1
      command[1] = (p.x() << 1) ^ (p.x() >> 31);
      command[2] = (p.y() << 1) ^ (p.y() >> 31);
      writer.addFeature(p.id(), p.tags(), MvtWriter.POINT, command, 3);
    }
    return writer.finish();
  }
}
