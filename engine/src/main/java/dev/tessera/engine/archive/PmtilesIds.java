package dev.tessera.engine.archive;

import dev.tessera.engine.tile.TileCoord;

/**
 * PMTiles v3 tile ids: tiles numbered zoom by zoom, and within a zoom along a Hilbert curve, so that nearby tiles are
 * near in the file (spec §"Tile IDs"; the algorithm is {@code zxyToTileId} of the reference {@code pmtiles} package,
 * itself the classic xy→d conversion).
 */
public final class PmtilesIds {
  private PmtilesIds() {}

  /** The tile id of {@code coord}. */
  public static long tileId(TileCoord coord) {
    int z = coord.z();
    long base = ((1L << (2 * z)) - 1) / 3; // tiles of all lower zooms: (4^z - 1) / 3
    long x = coord.x();
    long y = coord.y();
    long d = 0;
    for (long s = (1L << z) >> 1; s > 0; s >>= 1) {
      long rx = (x & s) > 0 ? 1 : 0;
      long ry = (y & s) > 0 ? 1 : 0;
      d += s * s * ((3 * rx) ^ ry);
      // rotate the quadrant so the curve stays continuous
      if (ry == 0) {
        if (rx == 1) {
          x = s - 1 - (x & (s - 1));
          y = s - 1 - (y & (s - 1));
        }
        long t = x;
        x = y;
        y = t;
      }
    }
    return base + d;
  }
}
