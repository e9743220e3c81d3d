package dev.tessera.engine.points;

import java.util.Arrays;

/**
 * Builds a {@link ClusterIndex} the way supercluster's {@code load} does (V. Agafonkin, ISC), so the same points give
 * the same clusters: for each zoom from {@code maxZoom} down, visit the previous level's items in order, gather the
 * unvisited neighbours within the zoom's radius (a k-d tree of that level, float coordinates as supercluster's), and
 * merge them into a cluster at their weighted centre when they hold at least {@code minPoints}; otherwise carry them
 * over unchanged.
 *
 * <p>Unlike supercluster, which keeps a copy of every item per zoom (≈ 240 bytes a point), each point or cluster is
 * kept once with the zoom interval in which it exists, in one tree that skips subtrees empty at the asked zoom.
 * Not thread-safe; one builder per build.
 */
final class ClusterBuilder {
  private final ClusterOptions options;
  private int size;
  private double[] x;
  private double[] y;
  private int[] ref;
  private int[] parent;
  private byte[] from;
  private byte[] to;

  private ClusterBuilder(ClusterOptions options, int points) {
    this.options = options;
    int capacity = Math.max(1, 2 * points);
    x = new double[capacity];
    y = new double[capacity];
    ref = new int[capacity];
    parent = new int[capacity];
    from = new byte[capacity];
    to = new byte[capacity];
  }

  static ClusterIndex build(double[] lon, double[] lat, int count, ClusterOptions options, int listMaxItems) {
    ClusterBuilder b = new ClusterBuilder(options, count);
    int[] level = new int[count];
    for (int i = 0; i < count; i++) {
      // Rounded to float as supercluster rounds (fround) its input, so both cluster the same positions.
      b.add((float) Mercator.x(lon[i]), (float) Mercator.y(lat[i]), i, options.maxZoom() + 1);
      level[i] = i;
    }
    int levelSize = count;
    for (int z = options.maxZoom(); z >= options.minZoom(); z--) {
      int[] next = new int[levelSize];
      levelSize = b.clusterLevel(level, levelSize, next, z);
      level = next;
    }
    return b.finish(listMaxItems);
  }

  private int add(double px, double py, int reference, int topLevel) {
    int e = size++;
    x[e] = px;
    y[e] = py;
    ref[e] = reference;
    parent[e] = -1;
    from[e] = (byte) options.minZoom();
    to[e] = (byte) topLevel;
    return e;
  }

  private int points(int e) {
    return ref[e] >= 0 ? 1 : -ref[e];
  }

  /** One zoom step of supercluster's {@code _cluster}; fills {@code next} and returns its size. */
  private int clusterLevel(int[] level, int n, int[] next, int zoom) {
    float[] coords = new float[2 * n];
    int[] ids = new int[n];
    for (int p = 0; p < n; p++) {
      coords[2 * p] = (float) x[level[p]];
      coords[2 * p + 1] = (float) y[level[p]];
      ids[p] = p;
    }
    KdSort.sort(coords, n, options.nodeSize(), (i, j) -> swap(ids, i, j));
    KdTree tree = new KdTree(coords, n, options.nodeSize());
    int[] visited = new int[n];
    Arrays.fill(visited, Integer.MAX_VALUE);
    double r = options.radiusAt(zoom);
    IntList neighbours = new IntList();
    int[] stack = new int[96];
    int nextSize = 0;
    for (int p = 0; p < n; p++) {
      if (visited[p] <= zoom) {
        continue;
      }
      visited[p] = zoom;
      int e = level[p];
      neighbours.clear();
      stack = tree.withinIds(x[e], y[e], r, ids, neighbours, stack);
      int originPoints = points(e);
      int total = originPoints;
      for (int k = 0; k < neighbours.size(); k++) {
        int q = neighbours.get(k);
        if (visited[q] > zoom) {
          total += points(level[q]);
        }
      }
      if (total > originPoints && total >= options.minPoints()) {
        double wx = x[e] * originPoints;
        double wy = y[e] * originPoints;
        int cluster = add(0, 0, -total, zoom);
        for (int k = 0; k < neighbours.size(); k++) {
          int q = neighbours.get(k);
          if (visited[q] <= zoom) {
            continue;
          }
          visited[q] = zoom;
          int child = level[q];
          int w = points(child);
          wx += x[child] * w;
          wy += y[child] * w;
          absorb(child, cluster, zoom);
        }
        absorb(e, cluster, zoom);
        x[cluster] = wx / total;
        y[cluster] = wy / total;
        next[nextSize++] = cluster;
      } else {
        next[nextSize++] = e;
        if (total > 1) {
          for (int k = 0; k < neighbours.size(); k++) {
            int q = neighbours.get(k);
            if (visited[q] <= zoom) {
              continue;
            }
            visited[q] = zoom;
            next[nextSize++] = level[q];
          }
        }
      }
    }
    return nextSize;
  }

  private void absorb(int child, int cluster, int zoom) {
    parent[child] = cluster;
    from[child] = (byte) (zoom + 1);
  }

  /** Sorts every item into one levelled k-d tree and renumbers parents to the sorted order. */
  private ClusterIndex finish(int listMaxItems) {
    float[] coords = new float[2 * size];
    int[] order = new int[size];
    for (int e = 0; e < size; e++) {
      coords[2 * e] = (float) x[e];
      coords[2 * e + 1] = (float) y[e];
      order[e] = e;
    }
    x = null;
    y = null;
    int[] sortedRef = Arrays.copyOf(ref, size);
    byte[] sortedFrom = Arrays.copyOf(from, size);
    byte[] sortedTo = Arrays.copyOf(to, size);
    KdSort.sort(
        coords,
        size,
        options.nodeSize(),
        (i, j) -> {
          swap(order, i, j);
          swap(sortedRef, i, j);
          swapBytes(sortedFrom, i, j);
          swapBytes(sortedTo, i, j);
        });
    int[] position = new int[size];
    for (int i = 0; i < size; i++) {
      position[order[i]] = i;
    }
    int[] sortedParent = new int[size];
    for (int i = 0; i < size; i++) {
      int p = parent[order[i]];
      sortedParent[i] = p < 0 ? -1 : position[p];
    }
    KdTree tree = new KdTree(coords, size, options.nodeSize(), sortedFrom, sortedTo);
    return new ClusterIndex(options, tree, sortedRef, sortedParent, sortedTo, listMaxItems);
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  private static void swapBytes(byte[] a, int i, int j) {
    byte t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** A growable int list without boxing. */
  static final class IntList {
    private int[] items = new int[16];
    private int size;

    boolean add(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
      return true;
    }

    int get(int i) {
      return items[i];
    }

    int size() {
      return size;
    }

    void clear() {
      size = 0;
    }
  }
}
