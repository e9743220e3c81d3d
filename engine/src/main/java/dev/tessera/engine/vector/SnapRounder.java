package dev.tessera.engine.vector;

import java.util.Arrays;
import java.util.List;

/**
 * Snap rounding (Hobby; Guibas and Marimont) of closed rings with integer vertices on the unit grid, then even-odd
 * cancellation: the result is the set of unit-grid segments ("fragments") that occur an odd number of times, in
 * which no two fragments cross or overlap; they meet only at their ends.
 *
 * <p>Every vertex and every rounded crossing is a hot pixel (the closed unit square around a grid point); each input
 * segment is replaced by the polyline through the centres of the hot pixels it passes through, in order along it.
 * Candidate pairs and hot pixels are found through a uniform grid of buckets, so a tile of 40,000 segments takes a few
 * milliseconds where JTS's general-purpose {@code SnapRoundingNoder} takes over a hundred.
 *
 * <p>All arithmetic is exact in {@code long} (coordinates must lie within ±2^14, checked). Not thread-safe; one per call.
 */
final class SnapRounder {
  /** Packing offset: a point packs into 32 bits. */
  private static final int LIMIT = 1 << 15;
  /**
   * Coordinates must lie in [-RANGE, RANGE), so that differences fit in 15 bits and a position along a segment
   * (a dot product) in 31.
   */
  static final int RANGE = 1 << 14;

  private int n;
  private int[] x0;
  private int[] y0;
  private int[] x1;
  private int[] y1;
  private int minX = Integer.MAX_VALUE;
  private int minY = Integer.MAX_VALUE;
  private int maxX = Integer.MIN_VALUE;
  private int maxY = Integer.MIN_VALUE;
  private int cell;
  private int cols;
  private int rows;

  /**
   * The fragments of {@code rings} (flat x, y, closed) that remain after snap rounding and even-odd cancellation,
   * each packed by {@link #pack} with its ends in canonical order, sorted.
   */
  static long[] oddFragments(List<int[]> rings) {
    return new SnapRounder().run(rings);
  }

  private long[] run(List<int[]> rings) {
    loadSegments(rings);
    if (n == 0) {
      return new long[0];
    }
    chooseGrid();
    int[][] buckets = bucketSegments();
    long[] hotPixels = hotPixels(buckets);
    int[][] pixelBuckets = bucketPixels(hotPixels);
    long[] fragments = snap(hotPixels, pixelBuckets);
    return cancelPairs(fragments);
  }

  private void loadSegments(List<int[]> rings) {
    int total = 0;
    for (int[] r : rings) {
      total += r.length / 2;
    }
    x0 = new int[total];
    y0 = new int[total];
    x1 = new int[total];
    y1 = new int[total];
    for (int[] r : rings) {
      for (int i = 2; i < r.length; i += 2) {
        int ax = r[i - 2];
        int ay = r[i - 1];
        int bx = r[i];
        int by = r[i + 1];
        checkRange(ax, ay);
        checkRange(bx, by);
        if (ax == bx && ay == by) {
          continue;
        }
        x0[n] = ax;
        y0[n] = ay;
        x1[n] = bx;
        y1[n] = by;
        minX = Math.min(minX, Math.min(ax, bx));
        minY = Math.min(minY, Math.min(ay, by));
        maxX = Math.max(maxX, Math.max(ax, bx));
        maxY = Math.max(maxY, Math.max(ay, by));
        n++;
      }
    }
  }

  private static void checkRange(int x, int y) {
    if (x < -RANGE || x >= RANGE || y < -RANGE || y >= RANGE) {
      throw new IllegalArgumentException("coordinate out of range: " + x + " " + y);
    }
  }

  /** About one segment per bucket on average; buckets at least 4 units wide. */
  private void chooseGrid() {
    long w = (long) maxX - minX + 3;
    long h = (long) maxY - minY + 3;
    cell = (int) Math.max(4, Math.ceil(Math.sqrt((double) w * h / n)));
    cols = (int) (w / cell) + 1;
    rows = (int) (h / cell) + 1;
  }

  private int col(long x) {
    return (int) Math.floorDiv(x - minX + 1, cell);
  }

  private int row(long y) {
    return (int) Math.floorDiv(y - minY + 1, cell);
  }

  /** Bucket index → the segments whose bounding box touches it (CSR: offsets, then members). */
  private int[][] bucketSegments() {
    int[] counts = new int[cols * rows + 1];
    int[] fill = null;
    int[] members = null;
    for (int pass = 0; pass < 2; pass++) {
      for (int s = 0; s < n; s++) {
        int c0 = col(Math.min(x0[s], x1[s]));
        int c1 = col(Math.max(x0[s], x1[s]));
        int r1 = row(Math.max(y0[s], y1[s]));
        for (int r = row(Math.min(y0[s], y1[s])); r <= r1; r++) {
          for (int c = c0; c <= c1; c++) {
            if (pass == 0) {
              counts[r * cols + c + 1]++;
            } else {
              members[fill[r * cols + c]++] = s;
            }
          }
        }
      }
      if (pass == 0) {
        for (int i = 1; i < counts.length; i++) {
          counts[i] += counts[i - 1];
        }
        members = new int[counts[counts.length - 1]];
        fill = Arrays.copyOf(counts, counts.length - 1);
      }
    }
    return new int[][] {counts, members};
  }

  /** Every vertex and the rounded point of every proper crossing, packed, sorted and unique. */
  private long[] hotPixels(int[][] buckets) {
    int[] offsets = buckets[0];
    int[] members = buckets[1];
    long[] pixels = new long[2 * n + 16];
    int count = 0;
    for (int s = 0; s < n; s++) {
      pixels[count++] = point(x0[s], y0[s]);
      pixels[count++] = point(x1[s], y1[s]);
    }
    // each segment's lowest bucket column and row, computed once rather than per pair
    int[] lowCol = new int[n];
    int[] lowRow = new int[n];
    for (int s = 0; s < n; s++) {
      lowCol[s] = col(Math.min(x0[s], x1[s]));
      lowRow[s] = row(Math.min(y0[s], y1[s]));
    }
    for (int b = 0; b < offsets.length - 1; b++) {
      int bc = b % cols;
      int br = b / cols;
      for (int i = offsets[b]; i < offsets[b + 1]; i++) {
        int s = members[i];
        for (int j = i + 1; j < offsets[b + 1]; j++) {
          int t = members[j];
          // Test each pair once: in the bucket holding the low corner of their bounding boxes' overlap.
          if (bc != Math.max(lowCol[s], lowCol[t]) || br != Math.max(lowRow[s], lowRow[t])) {
            continue;
          }
          long crossing = properCrossing(s, t);
          if (crossing != Long.MIN_VALUE) {
            if (count == pixels.length) {
              pixels = Arrays.copyOf(pixels, count * 2);
            }
            pixels[count++] = crossing;
          }
        }
      }
    }
    return unique(pixels, count);
  }

  /** The hot pixel (packed point) of the crossing of s and t where they cross at interior points, else MIN_VALUE. */
  private long properCrossing(int s, int t) {
    if (Math.max(x0[s], x1[s]) < Math.min(x0[t], x1[t]) || Math.max(x0[t], x1[t]) < Math.min(x0[s], x1[s])
        || Math.max(y0[s], y1[s]) < Math.min(y0[t], y1[t]) || Math.max(y0[t], y1[t]) < Math.min(y0[s], y1[s])) {
      return Long.MIN_VALUE;
    }
    long o1 = orient(x0[s], y0[s], x1[s], y1[s], x0[t], y0[t]);
    long o2 = orient(x0[s], y0[s], x1[s], y1[s], x1[t], y1[t]);
    if (o1 == 0 || o2 == 0 || (o1 > 0) == (o2 > 0)) {
      return Long.MIN_VALUE;
    }
    long o3 = orient(x0[t], y0[t], x1[t], y1[t], x0[s], y0[s]);
    long o4 = orient(x0[t], y0[t], x1[t], y1[t], x1[s], y1[s]);
    if (o3 == 0 || o4 == 0 || (o3 > 0) == (o4 > 0)) {
      return Long.MIN_VALUE;
    }
    // p + r * num / den, with r = s's direction; den > 0 after the sign flip.
    long rx = x1[s] - x0[s];
    long ry = y1[s] - y0[s];
    long sx = x1[t] - x0[t];
    long sy = y1[t] - y0[t];
    long den = rx * sy - ry * sx;
    long num = (long) (x0[t] - x0[s]) * sy - (long) (y0[t] - y0[s]) * sx;
    if (den < 0) {
      den = -den;
      num = -num;
    }
    long px = roundDiv(x0[s] * den + num * rx, den);
    long py = roundDiv(y0[s] * den + num * ry, den);
    return point((int) px, (int) py);
  }

  /** The nearest integer to a / b (b > 0), halves rounded up: the centre of the hot pixel holding a / b. */
  private static long roundDiv(long a, long b) {
    return Math.floorDiv(2 * a + b, 2 * b);
  }

  /** Twice-the-area orientation of c against the line a → b: positive left, negative right, 0 on it. */
  static long orient(long ax, long ay, long bx, long by, long cx, long cy) {
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  }

  private int[][] bucketPixels(long[] pixels) {
    int[] counts = new int[cols * rows + 1];
    for (long p : pixels) {
      counts[pixelBucket(p) + 1]++;
    }
    for (int i = 1; i < counts.length; i++) {
      counts[i] += counts[i - 1];
    }
    int[] members = new int[pixels.length];
    int[] fill = Arrays.copyOf(counts, counts.length - 1);
    for (int i = 0; i < pixels.length; i++) {
      members[fill[pixelBucket(pixels[i])]++] = i;
    }
    return new int[][] {counts, members};
  }

  private int pixelBucket(long p) {
    return row(py(p)) * cols + col(px(p));
  }

  /** Each segment as the fragments between the hot pixels it passes through, packed with canonical ends. */
  private long[] snap(long[] pixels, int[][] pixelBuckets) {
    int[] offsets = pixelBuckets[0];
    int[] members = pixelBuckets[1];
    long[] out = new long[n * 2];
    int count = 0;
    long[] hits = new long[16];
    for (int s = 0; s < n; s++) {
      int hitCount = 0;
      long ax = x0[s];
      long ay = y0[s];
      long dx = x1[s] - ax;
      long dy = y1[s] - ay;
      long reach = Math.abs(dx) + Math.abs(dy);
      // A hot pixel's square reaches half a unit beyond its centre's bucket: look one unit around the segment.
      int c0 = Math.max(0, col(Math.min(x0[s], x1[s]) - 1));
      int c1 = Math.min(cols - 1, col(Math.max(x0[s], x1[s]) + 1));
      int r0 = Math.max(0, row(Math.min(y0[s], y1[s]) - 1));
      int r1 = Math.min(rows - 1, row(Math.max(y0[s], y1[s]) + 1));
      for (int r = r0; r <= r1; r++) {
        for (int c = c0; c <= c1; c++) {
          int b = r * cols + c;
          for (int i = offsets[b]; i < offsets[b + 1]; i++) {
            long p = pixels[members[i]];
            int hx = px(p);
            int hy = py(p);
            // The square of half-size ½ around (hx, hy) meets the segment's line only if 2·|cross| ≤ |dx| + |dy|
            // (its support in the direction of the line's normal): a cheap, exact rejection of most candidates.
            long cross = dx * (hy - ay) - dy * (hx - ax);
            if (2 * Math.abs(cross) > reach
                || (hx == x0[s] && hy == y0[s]) || (hx == x1[s] && hy == y1[s]) || !touchesPixel(s, hx, hy)) {
              continue;
            }
            if (hitCount == hits.length) {
              hits = Arrays.copyOf(hits, hitCount * 2);
            }
            // Order along the segment by the projection of the pixel centre; keep the pixel in the low bits.
            long along = (hx - ax) * dx + (hy - ay) * dy;
            hits[hitCount++] = (along << 32) | (p & 0xFFFFFFFFL);
          }
        }
      }
      if (out.length < count + hitCount + 1) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, count + hitCount + 1));
      }
      if (hitCount == 0) {
        out[count++] = fragment(x0[s], y0[s], x1[s], y1[s]);
        continue;
      }
      Arrays.sort(hits, 0, hitCount);
      int px = x0[s];
      int py = y0[s];
      for (int i = 0; i <= hitCount; i++) {
        int qx = i < hitCount ? px((int) hits[i]) : x1[s];
        int qy = i < hitCount ? py((int) hits[i]) : y1[s];
        if (qx != px || qy != py) {
          out[count++] = fragment(px, py, qx, qy);
          px = qx;
          py = qy;
        }
      }
    }
    return Arrays.copyOf(out, count);
  }

  /**
   * Whether segment s meets the pixel of (hx, hy): the half-open square [hx - ½, hx + ½) × [hy - ½, hy + ½), so
   * that every point lies in exactly one pixel (a closed square would route a segment through a pixel corner via all
   * four pixels, in a zigzag). Exact: Liang-Barsky clipping against the closed square in doubled coordinates, with
   * parameters as fractions, then the middle of the clipped piece must lie off the right and top edges.
   */
  private boolean touchesPixel(int s, int hx, int hy) {
    long ax = 2L * x0[s];
    long ay = 2L * y0[s];
    long dx = 2L * (x1[s] - x0[s]);
    long dy = 2L * (y1[s] - y0[s]);
    long right = 2L * hx + 1;
    long top = 2L * hy + 1;
    long[] t = {0, 1, 1, 1}; // entry num, den; exit num, den
    if (!clip(t, ax, dx, right - 2, right) || !clip(t, ay, dy, top - 2, top)) {
      return false;
    }
    long midNum = t[0] * t[3] + t[2] * t[1];
    long midDen = 2 * t[1] * t[3];
    return ax * midDen + dx * midNum < right * midDen && ay * midDen + dy * midNum < top * midDen;
  }

  /** Narrows the parameter range t = {entry/den, exit/den} to where a + t·d lies in [lo, hi]; false if empty. */
  private static boolean clip(long[] t, long a, long d, long lo, long hi) {
    if (d == 0) {
      return a >= lo && a <= hi;
    }
    long enterNum = d > 0 ? lo - a : a - hi;
    long exitNum = d > 0 ? hi - a : a - lo;
    long den = Math.abs(d);
    if (enterNum * t[1] > t[0] * den) {
      t[0] = enterNum;
      t[1] = den;
    }
    if (exitNum * t[3] < t[2] * den) {
      t[2] = exitNum;
      t[3] = den;
    }
    return t[0] * t[3] <= t[2] * t[1];
  }

  /** Sorts the fragments and keeps one of each that occurs an odd number of times. */
  private static long[] cancelPairs(long[] fragments) {
    Arrays.sort(fragments);
    int count = 0;
    for (int i = 0; i < fragments.length; ) {
      int j = i;
      while (j < fragments.length && fragments[j] == fragments[i]) {
        j++;
      }
      if (((j - i) & 1) == 1) {
        fragments[count++] = fragments[i];
      }
      i = j;
    }
    return Arrays.copyOf(fragments, count);
  }

  private static long[] unique(long[] values, int length) {
    Arrays.sort(values, 0, length);
    int count = 0;
    for (int i = 0; i < length; i++) {
      if (count == 0 || values[count - 1] != values[i]) {
        values[count++] = values[i];
      }
    }
    return Arrays.copyOf(values, count);
  }

  /** A grid point packed into the low 32 bits, ordered by x then y when compared as longs. */
  static long point(int x, int y) {
    return ((long) (x + LIMIT) << 16) | (y + LIMIT);
  }

  static int px(long point) {
    return (int) ((point >>> 16) & 0xFFFF) - LIMIT;
  }

  static int py(long point) {
    return (int) (point & 0xFFFF) - LIMIT;
  }

  /** A fragment with its smaller end (by x, then y) first, packed into one long. */
  static long fragment(int ax, int ay, int bx, int by) {
    long a = point(ax, ay);
    long b = point(bx, by);
    return a < b ? (a << 32) | b : (b << 32) | a;
  }

  static long fragmentStart(long fragment) {
    return fragment >>> 32;
  }

  static long fragmentEnd(long fragment) {
    return fragment & 0xFFFFFFFFL;
  }
}
