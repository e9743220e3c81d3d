package dev.tessera.engine.tile;

import org.locationtech.jts.geom.Envelope;

/**
 * A tile of the WebMercatorQuad tile matrix set: zoom {@code z}, column {@code x} from the west, row {@code y} from
 * the north (XYZ, not TMS).
 *
 * @param z zoom level, 0 to {@link #MAX_ZOOM}
 * @param x column, 0 to {@code 2^z - 1}
 * @param y row, 0 to {@code 2^z - 1}, 0 being the northernmost
 */
public record TileCoord(int z, int x, int y) {
  /** Deepest supported zoom: 24 keeps {@link #encode()} within 53 bits and tile sizes above a centimetre. */
  public static final int MAX_ZOOM = 24;

  private static final int AXIS_BITS = 24;
  private static final long AXIS_MASK = (1L << AXIS_BITS) - 1;

  public TileCoord {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("Tile zoom z=" + z + " is out of range 0.." + MAX_ZOOM);
    }
    int max = (1 << z) - 1;
    if (x < 0 || x > max) {
      throw new IllegalArgumentException("Tile column x=" + x + " is out of range 0.." + max + " at zoom " + z);
    }
    if (y < 0 || y > max) {
      throw new IllegalArgumentException("Tile row y=" + y + " is out of range 0.." + max + " at zoom " + z);
    }
  }

  public static TileCoord of(int z, int x, int y) {
    return new TileCoord(z, x, y);
  }

  /**
   * Packs the tile into a long usable as a map key: {@code z << 48 | x << 24 | y}. Bits 53..63 are zero, so the value
   * is non-negative and survives a round trip through a JSON number (a double) unchanged.
   */
  public long encode() {
    return (long) z << (2 * AXIS_BITS) | (long) x << AXIS_BITS | y;
  }

  /** The inverse of {@link #encode()}; rejects values that do not name a valid tile. */
  public static TileCoord decode(long encoded) {
    if (encoded < 0 || encoded >>> (2 * AXIS_BITS) > MAX_ZOOM) {
      throw new IllegalArgumentException("Encoded tile " + encoded + " has no valid zoom");
    }
    return new TileCoord((int) (encoded >>> (2 * AXIS_BITS)), (int) (encoded >>> AXIS_BITS & AXIS_MASK),
        (int) (encoded & AXIS_MASK));
  }

  /** The tile one zoom up that contains this one. */
  public TileCoord parent() {
    if (z == 0) {
      throw new IllegalStateException("Tile 0/0/0 has no parent");
    }
    return new TileCoord(z - 1, x >> 1, y >> 1);
  }

  /** The tile's extent in EPSG:4326 degrees (longitude as x, latitude as y), without any buffer. */
  public Envelope lonLatBounds() {
    double n = 1 << z;
    return new Envelope(WebMercator.lon(x / n), WebMercator.lon((x + 1) / n), WebMercator.lat((y + 1) / n),
        WebMercator.lat(y / n));
  }

  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
