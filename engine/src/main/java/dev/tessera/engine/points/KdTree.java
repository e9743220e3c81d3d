package dev.tessera.engine.points;

/**
 * Queries over coordinates sorted by {@link KdSort} (kdbush's range and radius searches), optionally restricted to
 * items visible at one zoom level: each item then carries the zoom interval {@code [from, to]} in which it exists,
 * and each inner node (stored at its median's index) the smallest {@code from} and largest {@code to} below it, so
 * whole subtrees with nothing at the level are skipped. Immutable after construction; thread-safe.
 */
final class KdTree {
  /** Told each item found; returns false to stop the search. */
  interface Hit {
    boolean accept(int index);
  }

  private final float[] coords;
  private final int count;
  private final int nodeSize;
  private final byte[] from;
  private final byte[] to;
  private final byte[] nodeMinFrom;
  private final byte[] nodeMaxTo;

  /** A tree without zoom levels over already sorted coordinates. */
  KdTree(float[] coords, int count, int nodeSize) {
    this(coords, count, nodeSize, null, null);
  }

  /** A tree whose items exist at the zoom levels {@code from[i]..to[i]}, over already sorted coordinates. */
  KdTree(float[] coords, int count, int nodeSize, byte[] from, byte[] to) {
    this.coords = coords;
    this.count = count;
    this.nodeSize = nodeSize;
    this.from = from;
    this.to = to;
    if (from != null) {
      nodeMinFrom = new byte[count];
      nodeMaxTo = new byte[count];
      if (count > 0) {
        summarise(0, count - 1);
      }
    } else {
      nodeMinFrom = null;
      nodeMaxTo = null;
    }
  }

  int count() {
    return count;
  }

  float x(int i) {
    return coords[2 * i];
  }

  float y(int i) {
    return coords[2 * i + 1];
  }

  /** Bytes held per item (coordinates, levels and node summaries), for memory accounting. */
  long bytes() {
    return (long) coords.length * 4 + (from == null ? 0 : 4L * count);
  }

  /**
   * For each level {@code 0..levels-1}: the items that exist at it, in index order, when there are at most
   * {@code maxItems}; null for busier levels (and for every level of a tree without levels).
   */
  int[][] levelLists(int levels, int maxItems) {
    int[][] lists = new int[levels][];
    if (from == null) {
      return lists;
    }
    int[] counts = new int[levels + 1];
    for (int i = 0; i < count; i++) {
      int f = Math.min(from[i] & 0xFF, levels);
      int t = Math.min(to[i] & 0xFF, levels - 1);
      if (f <= t) {
        counts[f]++;
        counts[t + 1]--;
      }
    }
    int running = 0;
    int[] filled = new int[levels];
    for (int level = 0; level < levels; level++) {
      running += counts[level];
      lists[level] = running <= maxItems ? new int[running] : null;
    }
    for (int i = 0; i < count; i++) {
      int t = Math.min(to[i] & 0xFF, levels - 1);
      for (int level = from[i] & 0xFF; level <= t; level++) {
        if (lists[level] != null) {
          lists[level][filled[level]++] = i;
        }
      }
    }
    return lists;
  }

  /** Fills the node summaries; returns (minFrom << 8) | maxTo of the range. */
  private int summarise(int left, int right) {
    if (right - left <= nodeSize) {
      int min = 255;
      int max = 0;
      for (int i = left; i <= right; i++) {
        min = Math.min(min, from[i] & 0xFF);
        max = Math.max(max, to[i] & 0xFF);
      }
      return (min << 8) | max;
    }
    int m = (left + right) >> 1;
    int a = summarise(left, m - 1);
    int b = summarise(m + 1, right);
    int min = Math.min(Math.min(a >> 8, b >> 8), from[m] & 0xFF);
    int max = Math.max(Math.max(a & 0xFF, b & 0xFF), to[m] & 0xFF);
    nodeMinFrom[m] = (byte) min;
    nodeMaxTo[m] = (byte) max;
    return (min << 8) | max;
  }

  private boolean at(int i, int level) {
    return from == null || ((from[i] & 0xFF) <= level && level <= (to[i] & 0xFF));
  }

  private boolean nodeHas(int m, int level) {
    return from == null || ((nodeMinFrom[m] & 0xFF) <= level && level <= (nodeMaxTo[m] & 0xFF));
  }

  /** Items inside the box (inclusive) at {@code level} (ignored without levels); false if the visitor stopped. */
  boolean range(double minX, double minY, double maxX, double maxY, int level, Hit hit) {
    int[] stack = new int[96];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = count - 1;
    stack[top++] = 0;
    while (top > 0) {
      int axis = stack[--top];
      int right = stack[--top];
      int left = stack[--top];
      if (right - left <= nodeSize) {
        for (int i = left; i <= right; i++) {
          float x = coords[2 * i];
          float y = coords[2 * i + 1];
          if (x >= minX && x <= maxX && y >= minY && y <= maxY && at(i, level) && !hit.accept(i)) {
            return false;
          }
        }
        continue;
      }
      int m = (left + right) >> 1;
      if (!nodeHas(m, level)) {
        continue;
      }
      float x = coords[2 * m];
      float y = coords[2 * m + 1];
      if (x >= minX && x <= maxX && y >= minY && y <= maxY && at(m, level) && !hit.accept(m)) {
        return false;
      }
      if (axis == 0 ? minX <= x : minY <= y) {
        stack = push(stack, top, left, m - 1, 1 - axis);
        top += 3;
      }
      if (axis == 0 ? maxX >= x : maxY >= y) {
        stack = push(stack, top, m + 1, right, 1 - axis);
        top += 3;
      }
    }
    return true;
  }

  /** Items within {@code r} of (qx, qy) at {@code level} (ignored without levels); false if the visitor stopped. */
  boolean within(double qx, double qy, double r, int level, Hit hit) {
    double r2 = r * r;
    int[] stack = new int[96];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = count - 1;
    stack[top++] = 0;
    while (top > 0) {
      int axis = stack[--top];
      int right = stack[--top];
      int left = stack[--top];
      if (right - left <= nodeSize) {
        for (int i = left; i <= right; i++) {
          if (sqDist(coords[2 * i], coords[2 * i + 1], qx, qy) <= r2 && at(i, level) && !hit.accept(i)) {
            return false;
          }
        }
        continue;
      }
      int m = (left + right) >> 1;
      if (!nodeHas(m, level)) {
        continue;
      }
      float x = coords[2 * m];
      float y = coords[2 * m + 1];
      if (sqDist(x, y, qx, qy) <= r2 && at(m, level) && !hit.accept(m)) {
        return false;
      }
      if (axis == 0 ? qx - r <= x : qy - r <= y) {
        stack = push(stack, top, left, m - 1, 1 - axis);
        top += 3;
      }
      if (axis == 0 ? qx + r >= x : qy + r >= y) {
        stack = push(stack, top, m + 1, right, 1 - axis);
        top += 3;
      }
    }
    return true;
  }

  /**
   * The build's radius search: {@code ids} of the items within {@code r} of (qx, qy) appended to {@code out}, levels
   * ignored, with the caller's stack (returned, perhaps grown) — no allocation or callback per search.
   */
  int[] withinIds(double qx, double qy, double r, int[] ids, ClusterBuilder.IntList out, int[] stack) {
    double r2 = r * r;
    int top = 0;
    stack[top++] = 0;
    stack[top++] = count - 1;
    stack[top++] = 0;
    while (top > 0) {
      int axis = stack[--top];
      int right = stack[--top];
      int left = stack[--top];
      if (right - left <= nodeSize) {
        for (int i = left; i <= right; i++) {
          double dx = coords[2 * i] - qx;
          double dy = coords[2 * i + 1] - qy;
          if (dx * dx + dy * dy <= r2) {
            out.add(ids[i]);
          }
        }
        continue;
      }
      int m = (left + right) >> 1;
      float x = coords[2 * m];
      float y = coords[2 * m + 1];
      if (sqDist(x, y, qx, qy) <= r2) {
        out.add(ids[m]);
      }
      if (axis == 0 ? qx - r <= x : qy - r <= y) {
        stack = push(stack, top, left, m - 1, 1 - axis);
        top += 3;
      }
      if (axis == 0 ? qx + r >= x : qy + r >= y) {
        stack = push(stack, top, m + 1, right, 1 - axis);
        top += 3;
      }
    }
    return stack;
  }

  private static double sqDist(double ax, double ay, double bx, double by) {
    double dx = ax - bx;
    double dy = ay - by;
    return dx * dx + dy * dy;
  }

  private static int[] push(int[] stack, int top, int left, int right, int axis) {
    if (top + 3 > stack.length) {
      stack = java.util.Arrays.copyOf(stack, stack.length * 2);
    }
    stack[top] = left;
    stack[top + 1] = right;
    stack[top + 2] = axis;
    return stack;
  }
}
