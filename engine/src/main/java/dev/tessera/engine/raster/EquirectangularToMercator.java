package dev.tessera.engine.raster;

import dev.tessera.engine.tile.WebMercator;

/**
 * Reprojects an image in geographic coordinates (rows evenly spaced in latitude, EPSG:4326 or CRS:84) that covers
 * exactly one WebMercatorQuad tile's longitudes and latitudes to that tile. Longitude is linear in both, so columns
 * stay; each output row takes the latitude of its centre and blends the two nearest source rows (bilinear along
 * the only axis that moves). Stateless and thread-safe.
 */
public final class EquirectangularToMercator {
  private EquirectangularToMercator() {}

  /**
   * The tile {@code z/x/y} at {@code size} × {@code size} pixels (ARGB), from {@code source} ({@code width} ×
   * {@code height} ARGB pixels spanning the tile's north and south latitudes top to bottom).
   */
  public static int[] warp(int[] source, int width, int height, int z, int y, int size) {
    double scale = 1L << z;
    double north = WebMercator.lat(y / scale);
    double south = WebMercator.lat((y + 1) / scale);
    int[] out = new int[size * size];
    for (int row = 0; row < size; row++) {
      double lat = WebMercator.lat((y + (row + 0.5) / size) / scale);
      double at = (north - lat) / (north - south) * height - 0.5; // in source rows, centres at whole numbers
      int above = (int) Math.floor(at);
      double t = at - above;
      int r0 = Math.max(0, Math.min(height - 1, above));
      int r1 = Math.max(0, Math.min(height - 1, above + 1));
      for (int col = 0; col < size; col++) {
        int sc = Math.min(width - 1, (int) ((col + 0.5) * width / size));
        out[row * size + col] = blend(source[r0 * width + sc], source[r1 * width + sc], t);
      }
    }
    return out;
  }

  /** {@code a} and {@code b} mixed channel by channel, {@code t} of the way to {@code b}. */
  static int blend(int a, int b, double t) {
    if (a == b || t <= 0) {
      return a;
    }
    int out = 0;
    for (int shift = 0; shift < 32; shift += 8) {
      int ca = (a >>> shift) & 0xFF;
      int cb = (b >>> shift) & 0xFF;
      out |= ((int) Math.round(ca + (cb - ca) * t) & 0xFF) << shift;
    }
    return out;
  }
}
