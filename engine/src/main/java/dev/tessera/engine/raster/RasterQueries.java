package dev.tessera.engine.raster;

import dev.tessera.engine.proj.PointProjection;
import dev.tessera.engine.tile.WebMercator;
import java.util.ArrayList;
import java.util.List;

/**
 * Values and statistics from a COG: the value of every band at a point, and per-band statistics over the whole
 * raster or a bounding box, computed from the coarsest overview that still has {@code maxSize} pixels on its longer
 * side (as rio-tiler's max_size). Stateless and thread-safe.
 */
public final class RasterQueries {
  private RasterQueries() {}

  /**
   * The value of each band at longitude/latitude (full resolution); null entries where there is no data; null when
   * the point lies outside the raster. A raster in EPSG:4326 is looked up at the longitude ± 360° that falls on it
   * (0…360° rasters, rasters across the antimeridian); projected CRSs take any longitude as it is.
   */
  public static Double[] point(Cog cog, double lon, double lat, Double nodataOverride) {
    double[] pixel = new double[2];
    for (double shift : cog.geo().epsg() == 4326 ? new double[] {0, 360, -360} : new double[] {0}) {
      double[] xs = {lon + shift};
      double[] ys = {lat};
      toCrs(cog, xs, ys);
      cog.geo().toPixel(xs[0], ys[0], pixel);
      int col = (int) Math.floor(pixel[0]);
      int row = (int) Math.floor(pixel[1]);
      if (Double.isNaN(pixel[0]) || col < 0 || row < 0 || col >= cog.width() || row >= cog.height()) {
        continue;
      }
      int[] bands = allBands(cog);
      Cog.Window w = cog.read(0, col, row, 1, 1, bands, nodataOverride != null ? nodataOverride : cog.nodata());
      Double[] out = new Double[bands.length];
      for (int i = 0; i < bands.length; i++) {
        out[i] = w.valid[0] ? w.samples[i][0] : null;
      }
      return out;
    }
    return null;
  }

  /**
   * Statistics of every band within {@code bbox} (west, south, east, north in longitude/latitude, west greater than
   * east for a box across the antimeridian; null for the whole raster). The box may cover two windows of a raster in
   * EPSG:4326 (a −180…180° raster under a box across ±180°, or a 0…360° raster under one across 0°); their pixels
   * are pooled.
   */
  public static List<BandStatistics> statistics(Cog cog, double[] bbox, int maxSize, Double nodataOverride,
      double[] ranks, int bins) {
    int level = 0;
    for (int i = 1; i < cog.levelCount(); i++) {
      Cog.Level l = cog.level(i);
      if (Math.max(l.width(), l.height()) >= maxSize) {
        level = i;
      }
    }
    Cog.Level l = cog.level(level);
    List<int[]> windows = bbox == null ? List.of(new int[] {0, 0, l.width(), l.height()}) : windows(cog, l, bbox);
    if (windows.isEmpty()) {
      throw RasterException.badParameter("bbox", "bbox does not overlap " + cog.name());
    }
    int[] bands = allBands(cog);
    long samples = 0;
    for (int[] w : windows) {
      samples += (long) (w[2] - w[0]) * (w[3] - w[1]) * bands.length;
    }
    if (samples > Warp.MAX_WINDOW_SAMPLES * 2) {
      throw RasterException.unsupported(cog.name() + " has no overview small enough for statistics (" + samples
          + " samples); add overviews");
    }
    Double nodata = nodataOverride != null ? nodataOverride : cog.nodata();
    List<Cog.Window> read = new ArrayList<>();
    for (int[] w : windows) {
      read.add(cog.read(level, w[0], w[1], w[2] - w[0], w[3] - w[1], bands, nodata));
    }
    boolean[] valid = pooledValid(read);
    String[] descriptions = cog.descriptions();
    List<BandStatistics> out = new ArrayList<>();
    for (int b = 0; b < bands.length; b++) {
      out.add(BandStatistics.of(b + 1, descriptions[b], pooledSamples(read, b), valid, ranks, bins));
    }
    return out;
  }

  /**
   * The pixel windows ({x0, y0, x1, y1} at level {@code l}) that {@code bbox} covers, from 21 points along each of
   * its edges (a box is not a rectangle in a projected CRS).
   */
  private static List<int[]> windows(Cog cog, Cog.Level l, double[] bbox) {
    double west = bbox[0];
    double east = bbox[2] < west ? bbox[2] + 360 : bbox[2];
    double[] shifts = {0};
    if (cog.geo().epsg() == 4326) {
      double[] extent = wgs84Bounds(cog);
      shifts = new double[] {0, 360, -360, 720, -720};
      // only the copies of the box that meet the raster's own longitudes
      shifts = java.util.Arrays.stream(shifts)
          .filter(s -> west + s < extent[2] && east + s > extent[0]).toArray();
    }
    List<int[]> out = new ArrayList<>();
    for (double shift : shifts) {
      int steps = 20;
      double[] xs = new double[4 * (steps + 1)];
      double[] ys = new double[xs.length];
      for (int i = 0, k = 0; i <= steps; i++, k += 4) {
        double t = (double) i / steps;
        double lon = west + shift + t * (east - west);
        double lat = bbox[1] + t * (bbox[3] - bbox[1]);
        xs[k] = lon;
        ys[k] = bbox[1];
        xs[k + 1] = lon;
        ys[k + 1] = bbox[3];
        xs[k + 2] = west + shift;
        ys[k + 2] = lat;
        xs[k + 3] = east + shift;
        ys[k + 3] = lat;
      }
      toCrs(cog, xs, ys);
      double minCol = Double.MAX_VALUE;
      double minRow = Double.MAX_VALUE;
      double maxCol = -Double.MAX_VALUE;
      double maxRow = -Double.MAX_VALUE;
      double[] pixel = new double[2];
      for (int i = 0; i < xs.length; i++) {
        cog.geo().toPixel(xs[i], ys[i], pixel);
        if (Double.isNaN(pixel[0]) || Double.isNaN(pixel[1])) {
          continue;
        }
        minCol = Math.min(minCol, pixel[0]);
        maxCol = Math.max(maxCol, pixel[0]);
        minRow = Math.min(minRow, pixel[1]);
        maxRow = Math.max(maxRow, pixel[1]);
      }
      double sx = (double) l.width() / cog.width();
      double sy = (double) l.height() / cog.height();
      int x0 = Math.max(0, (int) Math.floor(minCol * sx));
      int y0 = Math.max(0, (int) Math.floor(minRow * sy));
      int x1 = Math.min(l.width(), (int) Math.ceil(maxCol * sx));
      int y1 = Math.min(l.height(), (int) Math.ceil(maxRow * sy));
      if (x0 < x1 && y0 < y1) {
        out.add(new int[] {x0, y0, x1, y1});
      }
    }
    return out;
  }

  /** Band {@code band}'s samples of every window, one window after the other. */
  private static double[] pooledSamples(List<Cog.Window> windows, int band) {
    double[] out = new double[windows.stream().mapToInt(w -> w.valid.length).sum()];
    int at = 0;
    for (Cog.Window w : windows) {
      System.arraycopy(w.samples[band], 0, out, at, w.valid.length);
      at += w.valid.length;
    }
    return out;
  }

  /** Which pixels of every window hold data, in the order of {@link #pooledSamples}. */
  private static boolean[] pooledValid(List<Cog.Window> windows) {
    boolean[] out = new boolean[windows.stream().mapToInt(w -> w.valid.length).sum()];
    int at = 0;
    for (Cog.Window w : windows) {
      System.arraycopy(w.valid, 0, out, at, w.valid.length);
      at += w.valid.length;
    }
    return out;
  }

  private static int[] allBands(Cog cog) {
    int[] bands = new int[cog.bandCount()];
    for (int i = 0; i < bands.length; i++) {
      bands[i] = i;
    }
    return bands;
  }

  /** 21 points along each edge of the raster, in its own CRS: {xs, ys}. */
  private static double[][] edgePoints(Cog cog) {
    int steps = 20;
    double[] xs = new double[4 * (steps + 1)];
    double[] ys = new double[xs.length];
    int k = 0;
    for (int i = 0; i <= steps; i++) {
      double t = (double) i / steps;
      double[][] edge = {{t * cog.width(), 0}, {t * cog.width(), cog.height()}, {0, t * cog.height()},
          {cog.width(), t * cog.height()}};
      for (double[] p : edge) {
        xs[k] = cog.geo().x(p[0], p[1]);
        ys[k] = cog.geo().y(p[0], p[1]);
        k++;
      }
    }
    return new double[][] {xs, ys};
  }

  /**
   * Takes the negative longitudes of a projected raster's edge points 360° east when that narrows their extent: such
   * a raster crosses the antimeridian (a UTM zone 60 or 1 grid over Fiji, say), and its projection returns −180…180°
   * longitudes, which would make it look as wide as the world minus itself.
   */
  private static void unwrapLongitudes(double[] lons) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    double unwrappedMin = Double.MAX_VALUE;
    double unwrappedMax = -Double.MAX_VALUE;
    for (double lon : lons) {
      if (Double.isFinite(lon)) {
        double unwrapped = lon < 0 ? lon + 360 : lon;
        min = Math.min(min, lon);
        max = Math.max(max, lon);
        unwrappedMin = Math.min(unwrappedMin, unwrapped);
        unwrappedMax = Math.max(unwrappedMax, unwrapped);
      }
    }
    if (unwrappedMax - unwrappedMin < max - min) {
      for (int i = 0; i < lons.length; i++) {
        lons[i] = lons[i] < 0 ? lons[i] + 360 : lons[i];
      }
    }
  }

  /**
   * Bounds of the raster in longitude/latitude (west, south, east, north), from 21 points along each edge; east
   * passes 180° for a raster across the antimeridian.
   */
  public static double[] wgs84Bounds(Cog cog) {
    double[][] edges = edgePoints(cog);
    double[] xs = edges[0];
    double[] ys = edges[1];
    if (cog.geo().epsg() != 4326) {
      PointProjection.toWgs84(cog.geo().epsg()).transform(xs, ys, xs.length);
      unwrapLongitudes(xs);
    }
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < xs.length; i++) {
      if (Double.isNaN(xs[i])) {
        continue;
      }
      b[0] = Math.min(b[0], xs[i]);
      b[1] = Math.min(b[1], ys[i]);
      b[2] = Math.max(b[2], xs[i]);
      b[3] = Math.max(b[3], ys[i]);
    }
    return b;
  }

  /**
   * Longitude/latitude bounds for a TileJSON: those of {@link #wgs84Bounds}, except that a raster reaching past ±180°
   * (0…360° longitudes, or an extent across the antimeridian) spans every longitude, since clients such as MapLibre
   * clamp bounds to −180…180° and request no tile outside them.
   */
  public static double[] tileBounds(Cog cog) {
    double[] b = wgs84Bounds(cog);
    if (b[0] < -180 || b[2] > 180) {
      return new double[] {-180, b[1], 180, b[3]};
    }
    return b;
  }

  /**
   * The zooms a TileJSON offers, as rio-tiler derives them: the maximum is the WebMercatorQuad zoom nearest (in
   * scale) to the raster's resolution, that of {@code gdalwarp -t_srs EPSG:3857}'s suggested output (the diagonal
   * of the raster's Web Mercator extent over its diagonal in pixels); the minimum is that many zooms less as halvings
   * bring the raster's longer side within one 256 px tile, the coarsest overview a client needs.
   *
   * @return {minZoom, maxZoom}
   */
  public static int[] zoomRange(Cog cog) {
    double[][] edges = edgePoints(cog);
    double[] xs = edges[0];
    double[] ys = edges[1];
    int epsg = cog.geo().epsg();
    if (epsg != 3857 && epsg != 900913) {
      if (epsg != 4326) {
        PointProjection.toWgs84(epsg).transform(xs, ys, xs.length);
        unwrapLongitudes(xs);
      }
      for (int i = 0; i < xs.length; i++) {
        double lat = Math.max(-WebMercator.MAX_LATITUDE, Math.min(WebMercator.MAX_LATITUDE, ys[i]));
        xs[i] = (WebMercator.x(xs[i]) - 0.5) * WebMercator.WORLD_SIZE_METRES; // unwrapped: 190° stays east of 180°
        ys[i] = (0.5 - WebMercator.y(lat)) * WebMercator.WORLD_SIZE_METRES;
      }
    }
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < xs.length; i++) {
      if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
        minX = Math.min(minX, xs[i]);
        maxX = Math.max(maxX, xs[i]);
        minY = Math.min(minY, ys[i]);
        maxY = Math.max(maxY, ys[i]);
      }
    }
    if (minX > maxX) {
      return new int[] {0, 22};
    }
    double resolution = Math.hypot(maxX - minX, maxY - minY) / Math.hypot(cog.width(), cog.height());
    double zoom = Math.log(WebMercator.WORLD_SIZE_METRES / 256 / resolution) / Math.log(2);
    int maxZoom = (int) Math.max(0, Math.min(24, Math.round(zoom)));
    int halvings = 0;
    for (long side = Math.max(cog.width(), cog.height()); side > 256; side = (side + 1) / 2) {
      halvings++;
    }
    return new int[] {Math.max(0, maxZoom - halvings), maxZoom};
  }

  /** Bounds in the raster's own CRS (minx, miny, maxx, maxy). */
  public static double[] nativeBounds(Cog cog) {
    double[] xs = {cog.geo().x(0, 0), cog.geo().x(cog.width(), 0), cog.geo().x(0, cog.height()),
        cog.geo().x(cog.width(), cog.height())};
    double[] ys = {cog.geo().y(0, 0), cog.geo().y(cog.width(), 0), cog.geo().y(0, cog.height()),
        cog.geo().y(cog.width(), cog.height())};
    return new double[] {min(xs), min(ys), max(xs), max(ys)};
  }

  private static void toCrs(Cog cog, double[] xs, double[] ys) {
    if (cog.geo().epsg() != 4326) {
      PointProjection.fromWgs84(cog.geo().epsg()).transform(xs, ys, xs.length);
    }
  }

  private static double min(double[] v) {
    double m = v[0];
    for (double x : v) {
      m = Math.min(m, x);
    }
    return m;
  }

  private static double max(double[] v) {
    double m = v[0];
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }
}
