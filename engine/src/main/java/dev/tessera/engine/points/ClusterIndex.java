package dev.tessera.engine.points;

/**
 * A static index of points and their hierarchical clusters with supercluster's semantics (radius in pixels, extent,
 * minPoints, min/max zoom; cluster count, weighted position, expansion zoom, children and leaves). Items are
 * addressed by an int handle valid for this index only. About 20 bytes per item (points and clusters) in five
 * primitive arrays; see {@link #bytes()}. Immutable; thread-safe.
 */
public final class ClusterIndex {
  /** Told each item found; returns false to stop. */
  public interface Visitor {
    boolean accept(int item);
  }

  private final ClusterOptions options;
  private final KdTree tree;
  private final int[] ref;
  private final int[] parent;
  /**
   * Levels with at most this many items keep them in a plain list. The tree's node summaries prune badly at coarse
   * zooms (a subtree nearly always holds a long-lived point or cluster), so a world view at zoom 2 walked most of the
   * tree for a few hundred clusters; scanning a list of them is ~100× less work. Lists cost 4 bytes per entry, a few
   * KB to a few hundred KB in all, since only the coarse levels are this small.
   */
  static final int LIST_MAX_ITEMS = 16_384;

  private final byte[] to;
  private final int points;
  private final int[][] levelLists;

  ClusterIndex(ClusterOptions options, KdTree tree, int[] ref, int[] parent, byte[] to, int listMaxItems) {
    this.options = options;
    this.tree = tree;
    this.ref = ref;
    this.parent = parent;
    this.to = to;
    this.levelLists = tree.levelLists(options.maxZoom() + 2, listMaxItems);
    int n = 0;
    for (int r : ref) {
      n += r >= 0 ? 1 : 0;
    }
    this.points = n;
  }

  /** Indexes {@code count} points given in degrees; a point's number is its position in the arrays. */
  public static ClusterIndex build(double[] lon, double[] lat, int count, ClusterOptions options) {
    return ClusterBuilder.build(lon, lat, count, options, LIST_MAX_ITEMS);
  }

  public ClusterOptions options() {
    return options;
  }

  public int pointCount() {
    return points;
  }

  /** Points and clusters held. */
  public int itemCount() {
    return tree.count();
  }

  /** Bytes of the index's arrays (the object headers aside). */
  public long bytes() {
    long lists = 0;
    for (int[] list : levelLists) {
      lists += list == null ? 0 : 4L * list.length;
    }
    return tree.bytes() + 4L * ref.length + 4L * parent.length + lists;
  }

  /** The tree level answering a map zoom: clamped to minZoom … maxZoom + 1 (points only), as supercluster does. */
  public int level(double zoom) {
    return (int) Math.max(options.minZoom(), Math.min(Math.floor(zoom), options.maxZoom() + 1));
  }

  /**
   * Points and clusters at {@code level} inside the box given in degrees; a box wider than 360° is the world, one
   * with {@code west > east} crosses the antimeridian. Returns false if the visitor stopped.
   */
  public boolean query(double west, double south, double east, double north, int level, Visitor visitor) {
    double minLon = ((west + 180) % 360 + 360) % 360 - 180;
    double maxLon = east == 180 ? 180 : ((east + 180) % 360 + 360) % 360 - 180;
    double minLat = Math.max(-90, Math.min(90, south));
    double maxLat = Math.max(-90, Math.min(90, north));
    if (east - west >= 360) {
      minLon = -180;
      maxLon = 180;
    } else if (minLon > maxLon) {
      return query(minLon, minLat, 180, maxLat, level, visitor) && query(-180, minLat, maxLon, maxLat, level, visitor);
    }
    return scan(Mercator.x(minLon), Mercator.y(maxLat), Mercator.x(maxLon), Mercator.y(minLat), level, visitor);
  }

  /** Items at the level in the box in Mercator units: from the level's list if it has one, else from the tree. */
  private boolean scan(double minX, double minY, double maxX, double maxY, int level, Visitor visitor) {
    int[] list = level < levelLists.length ? levelLists[level] : null;
    if (list == null) {
      return tree.range(minX, minY, maxX, maxY, level, visitor::accept);
    }
    for (int item : list) {
      float x = tree.x(item);
      float y = tree.y(item);
      if (x >= minX && x <= maxX && y >= minY && y <= maxY && !visitor.accept(item)) {
        return false;
      }
    }
    return true;
  }

  public boolean isCluster(int item) {
    return ref[item] < 0;
  }

  /** The point's number (its position in the arrays it was built from), or -1 for a cluster. */
  public int point(int item) {
    return ref[item] >= 0 ? ref[item] : -1;
  }

  /** Points under the item: 1 for a point. */
  public int count(int item) {
    return ref[item] >= 0 ? 1 : -ref[item];
  }

  /** The cluster that holds the item at the next coarser zoom, or -1. */
  public int parent(int item) {
    return parent[item];
  }

  /** Longitude of the item's (weighted) position, from the index's float coordinates. */
  public double lon(int item) {
    return Mercator.lon(tree.x(item));
  }

  public double lat(int item) {
    return Mercator.lat(tree.y(item));
  }

  /** The zoom at which a cluster splits into its children (supercluster's getClusterExpansionZoom). */
  public int expansionZoom(int item) {
    return (to[item] & 0xFF) + 1;
  }

  /** The item holding point number {@code point} (at the given position), or -1. */
  int itemOfPoint(int point, double lon, double lat) {
    int[] found = {-1};
    tree.within(
        Mercator.x(lon),
        Mercator.y(lat),
        1e-7, // float coordinates are within half an ulp (3e-8) of the double position
        options.maxZoom() + 1,
        item -> {
          if (ref[item] == point) {
            found[0] = item;
            return false;
          }
          return true;
        });
    return found[0];
  }

  /** The cluster's children: the items at the next finer zoom that it merged. */
  public void children(int cluster, Visitor visitor) {
    if (!isCluster(cluster)) {
      return;
    }
    int zoom = to[cluster] & 0xFF;
    // Children lie within r of the cluster's seed, and so does their weighted centre: 2r around it holds them all.
    double r = 2 * options.radiusAt(zoom) * (1 + 1e-6);
    tree.within(tree.x(cluster), tree.y(cluster), r, zoom + 1, c -> parent[c] != cluster || visitor.accept(c));
  }

  /** Up to {@code limit} points under the cluster after skipping {@code offset}, depth first as supercluster. */
  public void leaves(int cluster, int limit, long offset, Visitor visitor) {
    leaves(cluster, limit, new long[] {offset, 0}, visitor);
  }

  /** state = {points still to skip, points given}. Returns false once the limit is reached. */
  private boolean leaves(int cluster, int limit, long[] state, Visitor visitor) {
    boolean[] more = {true};
    children(
        cluster,
        child -> {
          if (isCluster(child)) {
            if (state[0] >= count(child)) {
              state[0] -= count(child);
            } else {
              more[0] = leaves(child, limit, state, visitor);
            }
          } else if (state[0] > 0) {
            state[0]--;
          } else {
            more[0] = state[1] < limit && visitor.accept(child);
            state[1]++;
            more[0] &= state[1] < limit;
          }
          return more[0];
        });
    return more[0];
  }
}
