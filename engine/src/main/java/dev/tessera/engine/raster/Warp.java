package dev.tessera.engine.raster;

import dev.tessera.engine.proj.PointProjection;
import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.tile.WebMercator;

/**
 * Warps a COG into one WebMercatorQuad tile: every output pixel centre is taken to the COG's CRS exactly (proj4j,
 * or closed formulas for EPSG:4326 and EPSG:3857), the overview is chosen as gdalwarp chooses it (see
 * {@link #coarsestWithin}), only the internal tiles under the covered window are read, and each pixel is resampled with the nearest, bilinear or cubic kernel over the valid source
 * pixels (weights renormalised where neighbours are nodata, as GDAL does). Stateless and thread-safe.
 */
public final class Warp {
  /** Largest source window one tile may read, in samples: beyond it the file lacks overviews for this zoom. */
  static final long MAX_WINDOW_SAMPLES = 8L * 1024 * 1024;

  private Warp() {}

  /**
   * The pixels of {@code bands} (0-based) of {@code cog} in tile {@code tile} at {@code size}×{@code size}, or null
   * when the tile lies wholly outside the raster.
   */
  public static Pixels tile(Cog cog, TileCoord tile, int size, int[] bands, Resampling resampling, Double nodata) {
    int n = size * size;
    double[] xs = new double[n];
    double[] ys = new double[n];
    double scale = 1L << tile.z();
    for (int j = 0; j < size; j++) {
      double uy = (tile.y() + (j + 0.5) / size) / scale;
      for (int i = 0; i < size; i++) {
        double ux = (tile.x() + (i + 0.5) / size) / scale;
        xs[j * size + i] = ux;
        ys[j * size + i] = uy;
      }
    }
    toCrs(cog.geo().epsg(), xs, ys, n);
    double[] pixel = new double[2];
    for (int k = 0; k < n; k++) {
      if (Double.isNaN(xs[k])) {
        continue;
      }
      cog.geo().toPixel(xs[k], ys[k], pixel);
      xs[k] = pixel[0];
      ys[k] = pixel[1];
    }
    int level = level(cog, xs, ys, size);
    return sample(cog, level, xs, ys, size, size, bands, resampling, nodata);
  }

  /** Unit-square Web Mercator coordinates to the CRS, in place. */
  static void toCrs(int epsg, double[] xs, double[] ys, int n) {
    if (epsg == 3857 || epsg == 900913) {
      for (int k = 0; k < n; k++) {
        xs[k] = (xs[k] - 0.5) * WebMercator.WORLD_SIZE_METRES;
        ys[k] = (0.5 - ys[k]) * WebMercator.WORLD_SIZE_METRES;
      }
      return;
    }
    for (int k = 0; k < n; k++) {
      xs[k] = WebMercator.lon(xs[k]);
      ys[k] = WebMercator.lat(ys[k]);
    }
    if (epsg != 4326) {
      PointProjection.fromWgs84(epsg).transform(xs, ys, n);
    }
  }

  /** gdalwarp's overview choice for the source-pixels-per-output-pixel ratio along the tile's diagonal. */
  static int level(Cog cog, double[] fx, double[] fy, int size) {
    int last = size * size - 1;
    if (Double.isNaN(fx[0]) || Double.isNaN(fx[last])) {
      return coarsestWithin(cog, ratioNearCentre(fx, fy, size));
    }
    double dx = fx[last] - fx[0];
    double dy = fy[last] - fy[0];
    double ratio = Math.sqrt(dx * dx + dy * dy) / (Math.sqrt(2) * (size - 1));
    return coarsestWithin(cog, ratio);
  }

  private static double ratioNearCentre(double[] fx, double[] fy, int size) {
    int c = (size / 2) * size + size / 2;
    double dx = fx[c + 1] - fx[c];
    double dy = fy[c + size] - fy[c];
    double ratio = Math.sqrt(Math.abs(dx * dy));
    return Double.isNaN(ratio) ? 1 : ratio;
  }

  /**
   * gdalwarp's loop (gdalwarp_lib.cpp, overview AUTO): from the finest level, stop at the first whose ratio lies
   * below the target while the next one's lies above it, or whose ratio is within 0.1 of the target.
   */
  static int coarsestWithin(Cog cog, double ratio) {
    if (ratio <= 1) {
      return 0;
    }
    int levels = cog.levelCount();
    for (int i = 0; i < levels - 1; i++) {
      double current = (double) cog.width() / cog.level(i).width();
      double next = (double) cog.width() / cog.level(i + 1).width();
      if ((current < ratio && next > ratio) || Math.abs(current - ratio) < 0.1) {
        return i;
      }
    }
    return levels - 1;
  }

  /**
   * Samples {@code level} at full-resolution pixel-edge coordinates {@code fx}/{@code fy} (NaN: no data), w×h
   * outputs; null if none falls on the raster.
   */
  static Pixels sample(Cog cog, int level, double[] fx, double[] fy, int w, int h, int[] bands,
      Resampling resampling, Double nodata) {
    Cog.Level l = cog.level(level);
    double sx = (double) l.width() / cog.width();
    double sy = (double) l.height() / cog.height();
    int n = w * h;
    int r = resampling.radius() + 1;
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = Integer.MIN_VALUE;
    int maxY = Integer.MIN_VALUE;
    for (int k = 0; k < n; k++) {
      double x = fx[k] * sx;
      double y = fy[k] * sy;
      if (!(x >= 0 && x < l.width() && y >= 0 && y < l.height())) {
        fx[k] = Double.NaN;
        continue;
      }
      fx[k] = x;
      fy[k] = y;
      int px = (int) x;
      int py = (int) y;
      minX = Math.min(minX, px - r);
      maxX = Math.max(maxX, px + r);
      minY = Math.min(minY, py - r);
      maxY = Math.max(maxY, py + r);
    }
    if (minX == Integer.MAX_VALUE) {
      return null;
    }
    minX = Math.max(0, minX);
    minY = Math.max(0, minY);
    maxX = Math.min(l.width() - 1, maxX);
    maxY = Math.min(l.height() - 1, maxY);
    long windowSamples = (long) (maxX - minX + 1) * (maxY - minY + 1) * Math.max(1, bands.length);
    if (windowSamples > MAX_WINDOW_SAMPLES) {
      throw RasterException.unsupported(cog.name() + " has no overview coarse enough for this zoom (a tile would"
          + " read " + windowSamples + " samples); add overviews, e.g. with 'gdal_translate -of COG'");
    }
    Cog.Window window = cog.read(level, minX, minY, maxX - minX + 1, maxY - minY + 1, bands, nodata);
    Pixels out = Pixels.empty(w, h, bands.length);
    double[] values = new double[bands.length];
    for (int k = 0; k < n; k++) {
      if (Double.isNaN(fx[k])) {
        continue;
      }
      boolean valid = switch (resampling) {
        case NEAREST -> nearest(window, fx[k], fy[k], values);
        case BILINEAR -> bilinear(window, fx[k], fy[k], values);
        case CUBIC -> cubic(window, fx[k], fy[k], values);
      };
      if (valid) {
        out.valid()[k] = true;
        for (int b = 0; b < values.length; b++) {
          out.bands()[b][k] = values[b];
        }
      }
    }
    return out;
  }

  private static boolean nearest(Cog.Window w, double x, double y, double[] out) {
    int px = (int) x;
    int py = (int) y;
    int i = (py - w.y0) * w.width + (px - w.x0);
    if (!w.valid[i]) {
      return false;
    }
    for (int b = 0; b < out.length; b++) {
      out[b] = w.samples[b][i];
    }
    return true;
  }

  private static boolean bilinear(Cog.Window w, double x, double y, double[] out) {
    if (!w.valid[((int) y - w.y0) * w.width + ((int) x - w.x0)]) {
      return false;
    }
    double u = x - 0.5;
    double v = y - 0.5;
    int i0 = (int) Math.floor(u);
    int j0 = (int) Math.floor(v);
    double fu = u - i0;
    double fv = v - j0;
    double weightSum = 0;
    java.util.Arrays.fill(out, 0);
    for (int dj = 0; dj <= 1; dj++) {
      for (int di = 0; di <= 1; di++) {
        double weight = (di == 0 ? 1 - fu : fu) * (dj == 0 ? 1 - fv : fv);
        weightSum += accumulate(w, i0 + di, j0 + dj, weight, out);
      }
    }
    return normalise(out, weightSum);
  }

  private static boolean cubic(Cog.Window w, double x, double y, double[] out) {
    if (!w.valid[((int) y - w.y0) * w.width + ((int) x - w.x0)]) {
      return false;
    }
    double u = x - 0.5;
    double v = y - 0.5;
    int i0 = (int) Math.floor(u);
    int j0 = (int) Math.floor(v);
    double fu = u - i0;
    double fv = v - j0;
    double weightSum = 0;
    java.util.Arrays.fill(out, 0);
    for (int dj = -1; dj <= 2; dj++) {
      double wy = Resampling.cubic(dj - fv);
      for (int di = -1; di <= 2; di++) {
        weightSum += accumulate(w, i0 + di, j0 + dj, wy * Resampling.cubic(di - fu), out);
      }
    }
    return normalise(out, weightSum);
  }

  private static double accumulate(Cog.Window w, int px, int py, double weight, double[] out) {
    if (weight == 0 || px < w.x0 || py < w.y0 || px >= w.x0 + w.width || py >= w.y0 + w.height) {
      return 0;
    }
    int i = (py - w.y0) * w.width + (px - w.x0);
    if (!w.valid[i]) {
      return 0;
    }
    for (int b = 0; b < out.length; b++) {
      out[b] += weight * w.samples[b][i];
    }
    return weight;
  }

  private static boolean normalise(double[] out, double weightSum) {
    if (Math.abs(weightSum) < 1e-9) {
      return false;
    }
    for (int b = 0; b < out.length; b++) {
      out[b] /= weightSum;
    }
    return true;
  }
}
