package dev.tessera.engine.vector;

/**
 * A feature's geometry in the Web Mercator unit square, as geojson-vt keeps it: each part (the points of a
 * multipoint, a line, a ring) is a flat array of {@code x, y, importance} triples, where importance is the squared
 * Douglas-Peucker distance at which the vertex stops being needed (see {@link Simplifier}). Clipping makes new
 * instances; an instance is never modified after construction, so tiles holding it can be shared between threads.
 */
final class TileFeature {
  static final byte POINT = 1;
  static final byte LINE = 2;
  static final byte POLYGON = 3;

  final byte type;
  /** Index of the source feature (id and attributes) in the index's tables. */
  final int source;
  final double[][] parts;
  /** For polygons: whether each ring is an exterior ring; its holes follow it. Null for other types. */
  final boolean[] outer;
  /** Per part: the unclipped ring's area or line's length in unit-square units, for dropping parts too small to see. */
  final double[] sizes;
  final double minX;
  final double minY;
  final double maxX;
  final double maxY;
  final int numPoints;

  TileFeature(byte type, int source, double[][] parts, boolean[] outer, double[] sizes) {
    this.type = type;
    this.source = source;
    this.parts = parts;
    this.outer = outer;
    this.sizes = sizes;
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (double[] part : parts) {
      for (int i = 0; i < part.length; i += 3) {
        double x = part[i];
        double y = part[i + 1];
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
      n += part.length / 3;
    }
    minX = x0;
    minY = y0;
    maxX = x1;
    maxY = y1;
    numPoints = n;
  }

  /** This feature moved by {@code dx} along x: the copies that wrap around the antimeridian. */
  TileFeature shiftX(double dx) {
    double[][] moved = new double[parts.length][];
    for (int p = 0; p < parts.length; p++) {
      double[] part = parts[p].clone();
      for (int i = 0; i < part.length; i += 3) {
        part[i] += dx;
      }
      moved[p] = part;
    }
    return new TileFeature(type, source, moved, outer, sizes);
  }
}
