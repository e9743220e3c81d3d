package dev.tessera.engine.vector;

import java.util.Arrays;

/**
 * Douglas-Peucker importance of each vertex, after geojson-vt (ISC), Mapbox: instead of simplifying for one
 * tolerance, each vertex records the squared distance at which Douglas-Peucker would still keep it, so that any zoom's
 * simplification is a filter {@code importance > tolerance²} applied while transforming a tile. The end points get
 * importance 1 (always kept). Unlike geojson-vt, a vertex's importance is capped by that of the split that created
 * its segment, so each zoom's filter gives exactly the Douglas-Peucker result for that tolerance. Runs once per part
 * at build time.
 *
 * <p>Iterative with an explicit stack: a recursion would overflow on long, spiralling parts (a 1.78M-vertex
 * coastline recurses as deep as it is long in the worst case).
 *
 * <p>Stateless and thread-safe.
 */
final class Simplifier {
  private Simplifier() {}

  /**
   * Sets the importance (third value of each triple) of {@code coords}' vertices; vertices whose importance would not
   * exceed {@code sqTolerance} (the deepest zoom's tolerance, squared) keep 0.
   */
  static void importance(double[] coords, double sqTolerance) {
    int last = coords.length - 3;
    if (last < 0) {
      return;
    }
    coords[2] = 1;
    coords[last + 2] = 1;
    int[] stack = new int[64];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = last;
    while (top > 0) {
      int b = stack[--top];
      int a = stack[--top];
      double maxSqDist = sqTolerance;
      int index = -1;
      int mid = a + ((b - a) / 6) * 3;
      int minPosToMid = b - a;
      double ax = coords[a];
      double ay = coords[a + 1];
      double bx = coords[b];
      double by = coords[b + 1];
      for (int i = a + 3; i < b; i += 3) {
        double d = sqSegDist(coords[i], coords[i + 1], ax, ay, bx, by);
        if (d > maxSqDist) {
          index = i;
          maxSqDist = d;
        } else if (d == maxSqDist && index >= 0) {
          // Ties (e.g. a regular polygon) pick the vertex nearest the middle, keeping the split balanced.
          int posToMid = Math.abs(i - mid);
          if (posToMid < minPosToMid) {
            index = i;
            minPosToMid = posToMid;
          }
        }
      }
      if (index >= 0) {
        // Capped by the split that made this segment: DP only reaches it at tolerances below that split's.
        coords[index + 2] = Math.min(maxSqDist, Math.min(coords[a + 2], coords[b + 2]));
        if (top + 4 > stack.length) {
          stack = Arrays.copyOf(stack, stack.length * 2);
        }
        if (index - a > 3) {
          stack[top++] = a;
          stack[top++] = index;
        }
        if (b - index > 3) {
          stack[top++] = index;
          stack[top++] = b;
        }
      }
    }
  }

  /** Squared distance from (px, py) to segment a-b; to point a when the segment is degenerate (a closed ring). */
  static double sqSegDist(double px, double py, double x, double y, double bx, double by) {
    double dx = bx - x;
    double dy = by - y;
    if (dx != 0 || dy != 0) {
      double t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
      if (t > 1) {
        x = bx;
        y = by;
      } else if (t > 0) {
        x += dx * t;
        y += dy * t;
      }
    }
    dx = px - x;
    dy = py - y;
    return dx * dx + dy * dy;
  }
}
