package dev.tessera.engine.raster;

import dev.tessera.engine.proj.PointProjection;
import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.tile.WebMercator;

/**
 * Warps a COG into one WebMercatorQuad tile: every output pixel centre is taken to the COG's CRS (closed formulas for
 * EPSG:4326 and EPSG:3857, else proj4j, see {@link #sourcePixels}), the overview is chosen as gdalwarp chooses it (see
 * {@link #coarsestWithin}), only the internal tiles under the covered window are read, and each pixel is resampled
 * with the nearest, bilinear or cubic kernel over the valid source pixels (weights renormalised where neighbours are
 * nodata, as GDAL does). Stateless and thread-safe.
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
    Transformed t = sourcePixels(cog, tile, size, xs, ys);
    if (t.error() > 0) {
      refineNearEdges(cog, tile, size, t.level(), t.error(), xs, ys);
    }
    return sample(cog, t.level(), xs, ys, size, size, bands, resampling, nodata);
  }

  /** The overview level to read and the interpolation error left in the coordinates, in full-resolution pixels. */
  record Transformed(int level, double error) {}

  /**
   * Transforms exactly the interpolated pixels that lie within four times the measured interpolation error of a
   * pixel edge of {@code level}: only there could the approximation change which source pixel is nearest, so nearest
   * sampling matches an exact transform (gdalwarp -et 0) while ~99% of pixels are interpolated.
   */
  private static void refineNearEdges(Cog cog, TileCoord tile, int size, int level, double error, double[] xs,
      double[] ys) {
    double sx = (double) cog.level(level).width() / cog.width();
    double sy = (double) cog.level(level).height() / cog.height();
    double margin = Math.max(4 * error, 1e-6);
    int n = size * size;
    int[] near = new int[n];
    int count = 0;
    for (int k = 0; k < n; k++) {
      double fx = xs[k] * sx - Math.floor(xs[k] * sx);
      double fy = ys[k] * sy - Math.floor(ys[k] * sy);
      if (fx < margin * sx || fx > 1 - margin * sx || fy < margin * sy || fy > 1 - margin * sy) {
        near[count++] = k;
      }
    }
    double scale = 1L << tile.z();
    double[] ex = new double[count];
    double[] ey = new double[count];
    for (int c = 0; c < count; c++) {
      int k = near[c];
      ex[c] = (tile.x() + (k % size + 0.5) / size) / scale;
      ey[c] = (tile.y() + (k / size + 0.5) / size) / scale;
    }
    toPixels(cog, ex, ey, count);
    for (int c = 0; c < count; c++) {
      xs[near[c]] = ex[c];
      ys[near[c]] = ey[c];
    }
  }

  /**
   * Full-resolution pixel coordinates of every output pixel centre, and the level to read them from. EPSG:4326 and
   * EPSG:3857 are separable (x from the column, y from the row), so those take one formula per row and column. Other
   * CRSs are transformed exactly at a grid of nodes every {@link #GRIDS 16, 8 or 4} pixels and interpolated bilinearly
   * between them: the coarsest grid whose interpolation error, measured against exact transforms at every cell's
   * centre and edge midpoints, stays below {@value #MAX_GRID_ERROR} pixels <em>of the level read</em> (pixels near a
   * source pixel edge are then transformed exactly, see {@link #refineNearEdges}); otherwise every pixel is
   * transformed exactly (error 0). gdalwarp approximates likewise (its approximate transformer halves the interval
   * until the error is below 0.125 px), but without the refinement. Measuring the error in the level's pixels, not
   * the full-resolution ones, is what lets low zooms (many full-resolution pixels per output pixel) interpolate too.
   */
  static Transformed sourcePixels(Cog cog, TileCoord tile, int size, double[] xs, double[] ys) {
    double scale = 1L << tile.z();
    int epsg = cog.geo().epsg();
    if (epsg == 4326 || epsg == 3857 || epsg == 900913) {
      double[] colX = new double[size];
      double[] rowY = new double[size];
      double[] colY = new double[size];
      double[] rowX = new double[size];
      for (int i = 0; i < size; i++) {
        colX[i] = (tile.x() + (i + 0.5) / size) / scale;
        rowY[i] = (tile.y() + (i + 0.5) / size) / scale;
      }
      java.util.Arrays.fill(colY, 0.5);
      java.util.Arrays.fill(rowX, 0.5);
      toCrs(epsg, colX, colY, size);
      toCrs(epsg, rowX, rowY, size);
      if (epsg == 4326) {
        wrapLongitudes(cog, colX);
      }
      GeoReference geo = cog.geo();
      double[] pixel = new double[2];
      for (int j = 0; j < size; j++) {
        for (int i = 0; i < size; i++) {
          geo.toPixel(colX[i], rowY[j], pixel);
          xs[j * size + i] = pixel[0];
          ys[j * size + i] = pixel[1];
        }
      }
      return new Transformed(level(cog, xs, ys, size), 0);
    }
    for (int grid : GRIDS) {
      if (size % grid != 0) {
        continue;
      }
      double error = interpolated(cog, tile, size, grid, xs, ys);
      if (error < 0) {
        break; // the projection cannot reach part of the tile: transform each pixel
      }
      int level = level(cog, xs, ys, size);
      if (error * cog.level(level).width() / cog.width() <= MAX_GRID_ERROR) {
        return new Transformed(level, error);
      }
    }
    exact(cog, tile, size, xs, ys);
    return new Transformed(level(cog, xs, ys, size), 0);
  }

  /**
   * Takes each longitude to the one, of itself and itself ± 360°, that falls on the raster: a raster in 0…360°
   * longitudes, or one whose extent crosses the antimeridian (170°…190°), then renders on both sides of it, where a
   * Web Mercator tile only ever asks for −180…180°.
   */
  private static void wrapLongitudes(Cog cog, double[] lons) {
    GeoReference geo = cog.geo();
    double midY = geo.y(cog.width() / 2.0, cog.height() / 2.0);
    double[] pixel = new double[2];
    for (int i = 0; i < lons.length; i++) {
      geo.toPixel(lons[i], midY, pixel);
      if (pixel[0] >= 0 && pixel[0] < cog.width()) {
        continue;
      }
      for (double shift : new double[] {360, -360}) {
        geo.toPixel(lons[i] + shift, midY, pixel);
        if (pixel[0] >= 0 && pixel[0] < cog.width()) {
          lons[i] += shift;
          break;
        }
      }
    }
  }

  /** Grid spacings tried, coarsest first: each halving cuts a smooth mapping's interpolation error about fourfold. */
  static final int[] GRIDS = {16, 8, 4};
  static final double MAX_GRID_ERROR = 2e-3;

  /** Interpolates on a grid of {@code grid} px; returns the worst error measured, or -1 for unreachable points. */
  private static double interpolated(Cog cog, TileCoord tile, int size, int grid, double[] xs, double[] ys) {
    int cells = size / grid;
    int nodes = cells + 1;
    double[] nx = new double[nodes * nodes];
    double[] ny = new double[nodes * nodes];
    double scale = 1L << tile.z();
    for (int j = 0; j < nodes; j++) {
      for (int i = 0; i < nodes; i++) {
        nx[j * nodes + i] = (tile.x() + (double) i * grid / size) / scale;
        ny[j * nodes + i] = (tile.y() + (double) j * grid / size) / scale;
      }
    }
    toPixels(cog, nx, ny, nx.length);
    // exact transforms at each cell's centre and the midpoints of its top and left edges, where a bilinear
    // interpolation of a smooth mapping errs most
    int checks = cells * cells * 3;
    double[] cx = new double[checks];
    double[] cy = new double[checks];
    double[][] at = {{0.5, 0.5}, {0.5, 0}, {0, 0.5}};
    for (int j = 0; j < cells; j++) {
      for (int i = 0; i < cells; i++) {
        for (int p = 0; p < 3; p++) {
          int c = (j * cells + i) * 3 + p;
          cx[c] = (tile.x() + (i + at[p][0]) * grid / size) / scale;
          cy[c] = (tile.y() + (j + at[p][1]) * grid / size) / scale;
        }
      }
    }
    toPixels(cog, cx, cy, checks);
    double worst = 0;
    for (int j = 0; j < cells; j++) {
      for (int i = 0; i < cells; i++) {
        int a = j * nodes + i;
        for (int p = 0; p < 3; p++) {
          int c = (j * cells + i) * 3 + p;
          double ix = bilinear(nx, a, nodes, at[p][0], at[p][1]);
          double iy = bilinear(ny, a, nodes, at[p][0], at[p][1]);
          double error = Math.max(Math.abs(ix - cx[c]), Math.abs(iy - cy[c]));
          if (Double.isNaN(error)) {
            return -1; // a point the projection cannot reach
          }
          worst = Math.max(worst, error);
        }
      }
    }
    for (int j = 0; j < size; j++) {
      double v = (j + 0.5) / grid;
      int cj = Math.min(cells - 1, (int) v);
      double fv = v - cj;
      for (int i = 0; i < size; i++) {
        double u = (i + 0.5) / grid;
        int ci = Math.min(cells - 1, (int) u);
        double fu = u - ci;
        int a = cj * nodes + ci;
        int k = j * size + i;
        xs[k] = bilinear(nx, a, nodes, fu, fv);
        ys[k] = bilinear(ny, a, nodes, fu, fv);
      }
    }
    return worst;
  }

  private static double bilinear(double[] grid, int a, int nodes, double fu, double fv) {
    double top = grid[a] * (1 - fu) + grid[a + 1] * fu;
    double bottom = grid[a + nodes] * (1 - fu) + grid[a + nodes + 1] * fu;
    return top * (1 - fv) + bottom * fv;
  }

  private static void exact(Cog cog, TileCoord tile, int size, double[] xs, double[] ys) {
    double scale = 1L << tile.z();
    for (int j = 0; j < size; j++) {
      double uy = (tile.y() + (j + 0.5) / size) / scale;
      for (int i = 0; i < size; i++) {
        xs[j * size + i] = (tile.x() + (i + 0.5) / size) / scale;
        ys[j * size + i] = uy;
      }
    }
    toPixels(cog, xs, ys, size * size);
  }

  /** Unit-square Web Mercator coordinates to full-resolution pixel coordinates, in place. */
  private static void toPixels(Cog cog, double[] xs, double[] ys, int n) {
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
        case BILINEAR -> convolve(window, fx[k], fy[k], values, false);
        case CUBIC -> convolve(window, fx[k], fy[k], values, true);
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

  /** Bilinear (2×2) or Keys cubic (4×4) convolution around pixel-edge point (x, y), over valid pixels only. */
  private static boolean convolve(Cog.Window w, double x, double y, double[] out, boolean cubic) {
    if (!w.valid[((int) y - w.y0) * w.width + ((int) x - w.x0)]) {
      return false;
    }
    double u = x - 0.5; // kernels work on pixel centres
    double v = y - 0.5;
    int i0 = (int) Math.floor(u);
    int j0 = (int) Math.floor(v);
    double fu = u - i0;
    double fv = v - j0;
    int from = cubic ? -1 : 0;
    int to = cubic ? 2 : 1;
    double weightSum = 0;
    java.util.Arrays.fill(out, 0);
    for (int dj = from; dj <= to; dj++) {
      double wy = cubic ? Resampling.cubic(dj - fv) : dj == 0 ? 1 - fv : fv;
      for (int di = from; di <= to; di++) {
        double wx = cubic ? Resampling.cubic(di - fu) : di == 0 ? 1 - fu : fu;
        weightSum += accumulate(w, i0 + di, j0 + dj, wx * wy, out);
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
