package dev.tessera.engine.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts features to a band {@code k1 <= coordinate <= k2} along one axis of the unit square, after geojson-vt's
 * {@code clip} (ISC), Mapbox. A tile is two cuts, x then y. Points are filtered; lines split into one part per
 * stretch inside the band; rings are cut Sutherland–Hodgman style against both band edges at once and stay closed,
 * possibly with edges running along the band's edge. Vertices made by a cut get importance 1, so that simplification
 * never moves a tile's edge.
 *
 * <pre>
 *        k1        k2
 *   a----+----b     |        a inside, b outside k1: keep a, add the crossing (exit)
 *        | c--+-----+--d     c inside, d beyond k2: keep c, add the crossing (exit)
 *   e----+----------+---f    e and f outside on either side: both crossings, and a line part of its own
 * </pre>
 *
 * <p>Stateless and thread-safe; inputs are never modified.
 */
final class Clipper {
  static final int X = 0;
  static final int Y = 1;

  private Clipper() {}

  /** The features' parts inside [k1, k2] on {@code axis}; features entirely inside are returned as they are. */
  static List<TileFeature> clip(List<TileFeature> features, double k1, double k2, int axis) {
    List<TileFeature> out = new ArrayList<>();
    for (TileFeature f : features) {
      double min = axis == X ? f.minX : f.minY;
      double max = axis == X ? f.maxX : f.maxY;
      if (min >= k1 && max < k2) {
        out.add(f);
      } else if (max >= k1 && min <= k2) {
        TileFeature clipped = clipFeature(f, k1, k2, axis);
        if (clipped != null) {
          out.add(clipped);
        }
      }
    }
    return out;
  }

  /** Adds to each feature the copies shifted by ±1 that a buffer of {@code k} reaches across the antimeridian. */
  static List<TileFeature> wrap(List<TileFeature> features, double k) {
    List<TileFeature> left = clip(features, -1 - k, k, X);
    List<TileFeature> right = clip(features, 1 - k, 2 + k, X);
    if (left.isEmpty() && right.isEmpty()) {
      return features;
    }
    List<TileFeature> merged = new ArrayList<>();
    for (TileFeature f : left) {
      merged.add(f.shiftX(1));
    }
    merged.addAll(clip(features, -k, 1 + k, X));
    for (TileFeature f : right) {
      merged.add(f.shiftX(-1));
    }
    return merged;
  }

  private static TileFeature clipFeature(TileFeature f, double k1, double k2, int axis) {
    List<double[]> parts = new ArrayList<>();
    List<Double> sizes = new ArrayList<>();
    boolean[] outer = null;
    int outerCount = 0;
    switch (f.type) {
      case TileFeature.POINT -> {
        Slice s = new Slice(f.parts[0].length);
        double[] p = f.parts[0];
        for (int i = 0; i < p.length; i += 3) {
          double a = p[i + axis];
          if (a >= k1 && a <= k2) {
            s.add(p[i], p[i + 1], p[i + 2]);
          }
        }
        if (s.n > 0) {
          parts.add(s.toArray());
          sizes.add(0.0);
        }
      }
      case TileFeature.LINE -> {
        for (int r = 0; r < f.parts.length; r++) {
          int before = parts.size();
          clipLine(f.parts[r], k1, k2, axis, false, parts);
          for (int i = before; i < parts.size(); i++) {
            sizes.add(f.sizes[r]);
          }
        }
      }
      default -> {
        outer = new boolean[f.parts.length];
        boolean keepHoles = false;
        for (int r = 0; r < f.parts.length; r++) {
          if (!f.outer[r] && !keepHoles) {
            continue;
          }
          int before = parts.size();
          clipLine(f.parts[r], k1, k2, axis, true, parts);
          boolean kept = parts.size() > before && parts.get(before).length >= 12;
          if (parts.size() > before && !kept) {
            parts.remove(before);
          }
          if (f.outer[r]) {
            keepHoles = kept;
          }
          if (kept) {
            outer[outerCount++] = f.outer[r];
            sizes.add(f.sizes[r]);
          }
        }
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    double[] sizeArray = new double[sizes.size()];
    for (int i = 0; i < sizeArray.length; i++) {
      sizeArray[i] = sizes.get(i);
    }
    return new TileFeature(f.type, f.source, parts.toArray(double[][]::new),
        outer == null ? null : Arrays.copyOf(outer, outerCount), sizeArray);
  }

  /** geojson-vt's clipLine: appends the slices of {@code g} inside the band (one closed ring if {@code ring}). */
  private static void clipLine(double[] g, double k1, double k2, int axis, boolean ring, List<double[]> out) {
    Slice slice = new Slice(Math.min(g.length, 1024));
    int last = g.length - 3;
    for (int i = 0; i < last; i += 3) {
      double ax = g[i];
      double ay = g[i + 1];
      double bx = g[i + 3];
      double by = g[i + 4];
      double a = axis == X ? ax : ay;
      double b = axis == X ? bx : by;
      boolean exited = false;
      if (a < k1) {
        if (b > k1) {
          intersect(slice, ax, ay, bx, by, k1, axis); // enters across k1
        }
      } else if (a > k2) {
        if (b < k2) {
          intersect(slice, ax, ay, bx, by, k2, axis); // enters across k2
        }
      } else {
        slice.add(ax, ay, g[i + 2]);
      }
      if (b < k1 && a >= k1) {
        intersect(slice, ax, ay, bx, by, k1, axis); // exits across k1
        exited = true;
      }
      if (b > k2 && a <= k2) {
        intersect(slice, ax, ay, bx, by, k2, axis); // exits across k2
        exited = true;
      }
      if (!ring && exited) {
        if (slice.n >= 6) {
          out.add(slice.toArray());
        }
        slice = new Slice(64);
      }
    }
    double a = g[last + axis];
    if (a >= k1 && a <= k2) {
      slice.add(g[last], g[last + 1], g[last + 2]);
    }
    int end = slice.n - 3;
    if (ring && end >= 3 && (slice.a[end] != slice.a[0] || slice.a[end + 1] != slice.a[1])) {
      slice.add(slice.a[0], slice.a[1], slice.a[2]);
    }
    if (slice.n >= (ring ? 3 : 6)) {
      out.add(slice.toArray());
    }
  }

  private static void intersect(Slice s, double ax, double ay, double bx, double by, double k, int axis) {
    if (axis == X) {
      double t = (k - ax) / (bx - ax);
      s.add(k, ay + (by - ay) * t, 1);
    } else {
      double t = (k - ay) / (by - ay);
      s.add(ax + (bx - ax) * t, k, 1);
    }
  }

  /** A growable array of triples. */
  private static final class Slice {
    double[] a;
    int n;

    Slice(int capacity) {
      a = new double[Math.max(capacity, 12)];
    }

    void add(double x, double y, double importance) {
      if (n + 3 > a.length) {
        a = Arrays.copyOf(a, a.length * 2);
      }
      a[n++] = x;
      a[n++] = y;
      a[n++] = importance;
    }

    double[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
