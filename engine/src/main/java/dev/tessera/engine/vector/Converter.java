package dev.tessera.engine.vector;

import dev.tessera.engine.tile.WebMercator;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Projects a JTS geometry in longitude/latitude into {@link TileFeature}s in the Web Mercator unit square, computing
 * each vertex's Douglas-Peucker importance once, after geojson-vt's {@code convert} (ISC), Mapbox. A geometry gives at
 * most one feature per MVT type: multi-geometries stay one feature, a GeometryCollection is split by type (the
 * features share the source's id and attributes).
 *
 * <p>Not thread-safe: one instance per build.
 */
final class Converter {
  private final double sqTolerance;
  private final List<double[]> points = new ArrayList<>();
  private final List<double[]> lines = new ArrayList<>();
  private final List<Double> lineSizes = new ArrayList<>();
  private final List<double[]> rings = new ArrayList<>();
  private final List<Boolean> outer = new ArrayList<>();
  private final List<Double> ringSizes = new ArrayList<>();
  private long vertices;

  /** @param sqTolerance squared simplification tolerance of the deepest simplified zoom, in unit-square units */
  Converter(double sqTolerance) {
    this.sqTolerance = sqTolerance;
  }

  /** Projected vertices so far, counted once per source vertex. */
  long vertices() {
    return vertices;
  }

  /** Appends the features of {@code geometry} for source index {@code source} to {@code out}. */
  void convert(Geometry geometry, int source, List<TileFeature> out) {
    points.clear();
    lines.clear();
    lineSizes.clear();
    rings.clear();
    outer.clear();
    ringSizes.clear();
    collect(geometry);
    if (!points.isEmpty()) {
      double[] all = new double[points.size() * 3];
      for (int i = 0; i < points.size(); i++) {
        System.arraycopy(points.get(i), 0, all, i * 3, 3);
      }
      out.add(new TileFeature(TileFeature.POINT, source, new double[][] {all}, null, new double[] {0}));
    }
    if (!lines.isEmpty()) {
      out.add(new TileFeature(TileFeature.LINE, source, lines.toArray(double[][]::new), null, unbox(lineSizes)));
    }
    if (!rings.isEmpty()) {
      boolean[] flags = new boolean[outer.size()];
      for (int i = 0; i < flags.length; i++) {
        flags[i] = outer.get(i);
      }
      out.add(new TileFeature(TileFeature.POLYGON, source, rings.toArray(double[][]::new), flags, unbox(ringSizes)));
    }
  }

  private void collect(Geometry g) {
    if (g.isEmpty()) {
      return;
    }
    switch (g) {
      case Point p -> {
        points.add(new double[] {WebMercator.x(p.getX()), WebMercator.y(p.getY()), 1});
        vertices++;
      }
      case Polygon p -> {
        if (addRing(p.getExteriorRing(), true)) {
          for (int i = 0; i < p.getNumInteriorRing(); i++) {
            addRing(p.getInteriorRingN(i), false);
          }
        }
      }
      case LineString l -> {
        double[] part = project(l.getCoordinateSequence(), false);
        if (part.length >= 6) {
          lines.add(part);
          lineSizes.add(length(part));
          Simplifier.importance(part, sqTolerance);
        }
      }
      default -> {
        // Multi* and GeometryCollection (and their JTS subclasses): flatten.
        for (int i = 0; i < g.getNumGeometries(); i++) {
          collect(g.getGeometryN(i));
        }
      }
    }
  }

  private boolean addRing(LineString ring, boolean isOuter) {
    double[] part = project(ring.getCoordinateSequence(), true);
    if (part.length < 12) {
      return false;
    }
    Simplifier.importance(part, sqTolerance);
    rings.add(part);
    outer.add(isOuter);
    ringSizes.add(Math.abs(signedArea(part)));
    return true;
  }

  private double[] project(CoordinateSequence seq, boolean close) {
    int n = seq.size();
    boolean open = close && n > 0 && (seq.getX(0) != seq.getX(n - 1) || seq.getY(0) != seq.getY(n - 1));
    double[] out = new double[(n + (open ? 1 : 0)) * 3];
    for (int i = 0; i < n; i++) {
      out[i * 3] = WebMercator.x(seq.getX(i));
      out[i * 3 + 1] = WebMercator.y(seq.getY(i));
    }
    if (open) {
      out[n * 3] = out[0];
      out[n * 3 + 1] = out[1];
    }
    vertices += n;
    return out;
  }

  private static double length(double[] part) {
    double sum = 0;
    for (int i = 3; i < part.length; i += 3) {
      sum += Math.hypot(part[i] - part[i - 3], part[i + 1] - part[i - 2]);
    }
    return sum;
  }

  /** Surveyor's (shoelace) area of a closed ring of triples; positive when clockwise with y pointing down. */
  static double signedArea(double[] ring) {
    double sum = 0;
    for (int i = 3; i < ring.length; i += 3) {
      sum += ring[i - 3] * ring[i + 1] - ring[i] * ring[i - 2];
    }
    return sum / 2;
  }

  private static double[] unbox(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
