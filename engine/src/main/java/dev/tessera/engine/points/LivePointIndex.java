package dev.tessera.engine.points;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Points that change: a static {@link ClusterIndex} snapshot plus a small overlay of the changes since it was built,
 * so an insert, move or delete is in the very next answer without rebuilding. Until the background merge folds the
 * overlay into a new snapshot, inserted and moved points are answered as single points at every zoom (not yet in any
 * cluster), and deleted or moved-away points are left out with the counts of the clusters that held them lowered.
 *
 * <p>Thread-safe: readers take the current immutable {@link Overlay} without locking; writers and the merge serialise
 * on this object. A merge starts on {@code background} after a change and takes every change made meanwhile along.
 */
public final class LivePointIndex {
  private final ClusterOptions options;
  private final Executor background;
  private volatile Overlay current;
  /** Changes since the current snapshot, replayed onto the next one when a merge finishes. Guarded by this. */
  private List<PointChange> log = new ArrayList<>();
  private boolean mergeScheduled;

  private LivePointIndex(ClusterOptions options, Executor background, PointSnapshot snapshot) {
    this.options = options;
    this.background = background;
    this.current = Overlay.empty(snapshot);
  }

  /** Builds the index over {@code points} (upserts; later ones with the same id win). */
  public static LivePointIndex build(Collection<PointChange.Upsert> points, ClusterOptions options, Executor background) {
    return new LivePointIndex(options, background, snapshot(0, points, options));
  }

  private static PointSnapshot snapshot(long generation, Collection<PointChange.Upsert> points, ClusterOptions options) {
    int n = points.size();
    double[] lon = new double[n];
    double[] lat = new double[n];
    long[] high = new long[n];
    long[] low = new long[n];
    Object[] payload = new Object[n];
    int i = 0;
    for (PointChange.Upsert p : points) {
      lon[i] = p.lon();
      lat[i] = p.lat();
      high[i] = p.id().getMostSignificantBits();
      low[i] = p.id().getLeastSignificantBits();
      payload[i] = p.payload();
      i++;
    }
    return new PointSnapshot(generation, n, lon, lat, high, low, payload, options);
  }

  public ClusterOptions options() {
    return options;
  }

  /** Points currently held. */
  public int size() {
    Overlay o = current;
    return o.snapshot.size - o.removed.size() + o.added.size();
  }

  /** Grows with every merge; cluster ids of older generations are refused. */
  public long generation() {
    return current.snapshot.generation;
  }

  /** Changes not yet merged into the snapshot. */
  public int pendingChanges() {
    Overlay o = current;
    return o.added.size() + o.removed.size();
  }

  /** Bytes of the snapshot's arrays (payload objects aside). */
  public long bytes() {
    return current.snapshot.bytes();
  }

  /** Applies the changes, visible to the next query, and schedules a merge. */
  public synchronized void apply(List<? extends PointChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    current = current.with(changes);
    log.addAll(changes);
    if (!mergeScheduled) {
      mergeScheduled = true;
      background.execute(this::merge);
    }
  }

  /** Folds the pending changes into a new snapshot; changes applied meanwhile are replayed onto it. */
  public void merge() {
    Overlay start;
    int logged;
    synchronized (this) {
      mergeScheduled = false;
      start = current;
      logged = log.size();
      if (logged == 0) {
        return;
      }
    }
    PointSnapshot next = snapshot(start.snapshot.generation + 1, start.points(), options);
    synchronized (this) {
      List<PointChange> later = new ArrayList<>(log.subList(logged, log.size()));
      log = later;
      current = Overlay.empty(next).with(later);
    }
  }

  /**
   * Points and clusters at {@code zoom} inside the box in degrees (west > east crosses the antimeridian), until the
   * visitor returns false. Returns false if it stopped early.
   */
  public boolean query(double west, double south, double east, double north, double zoom, Predicate<Place> visitor) {
    Overlay o = current;
    ClusterIndex index = o.snapshot.index;
    boolean complete =
        index.query(west, south, east, north, index.level(zoom), item -> o.visit(item, visitor));
    if (!complete) {
      return false;
    }
    for (Map.Entry<UUID, PointChange.Upsert> e : o.added.entrySet()) {
      PointChange.Upsert p = e.getValue();
      if (Boxes.contains(west, south, east, north, p.lon(), p.lat())
          && !visitor.test(Place.point(p.id(), p.lon(), p.lat(), p.payload()))) {
        return false;
      }
    }
    return true;
  }

  /** The cluster's children, or null if the id is not one of the current snapshot's clusters. */
  public List<Place> children(long clusterId) {
    Overlay o = current;
    int item = o.item(clusterId);
    if (item < 0) {
      return null;
    }
    List<Place> children = new ArrayList<>();
    o.snapshot.index.children(item, child -> o.visit(child, children::add));
    return children;
  }

  /** Up to {@code limit} points of the cluster after {@code offset}, or null if the id is unknown. */
  public List<Place> leaves(long clusterId, int limit, long offset) {
    Overlay o = current;
    int item = o.item(clusterId);
    if (item < 0) {
      return null;
    }
    List<Place> leaves = new ArrayList<>();
    o.snapshot.index.leaves(item, Integer.MAX_VALUE, offset, leaf -> leaves.size() < limit && o.visit(leaf, leaves::add));
    return leaves;
  }

  /** An immutable view: snapshot + inserted/moved points + hidden snapshot points. */
  private record Overlay(
      PointSnapshot snapshot,
      Map<UUID, PointChange.Upsert> added,
      Set<Integer> removed,
      Map<Integer, Integer> removedUnder) {

    static Overlay empty(PointSnapshot snapshot) {
      return new Overlay(snapshot, Map.of(), Set.of(), Map.of());
    }

    Overlay with(List<? extends PointChange> changes) {
      Map<UUID, PointChange.Upsert> a = new HashMap<>(added);
      Set<Integer> r = new HashSet<>(removed);
      Map<Integer, Integer> under = new HashMap<>(removedUnder);
      for (PointChange change : changes) {
        int point = snapshot.find(change.id());
        if (point >= 0 && r.add(point)) {
          ClusterIndex index = snapshot.index;
          int item = index.itemOfPoint(point, snapshot.lon[point], snapshot.lat[point]);
          for (int c = item < 0 ? -1 : index.parent(item); c >= 0; c = index.parent(c)) {
            under.merge(c, 1, Integer::sum);
          }
        }
        if (change instanceof PointChange.Upsert u) {
          a.put(u.id(), u);
        } else {
          a.remove(change.id());
        }
      }
      return new Overlay(snapshot, Map.copyOf(a), Set.copyOf(r), Map.copyOf(under));
    }

    /** Every point now held, for the next snapshot. */
    List<PointChange.Upsert> points() {
      List<PointChange.Upsert> all = new ArrayList<>(snapshot.size - removed.size() + added.size());
      for (int p = 0; p < snapshot.size; p++) {
        if (!removed.contains(p)) {
          all.add(new PointChange.Upsert(snapshot.id(p), snapshot.lon[p], snapshot.lat[p], snapshot.payload[p]));
        }
      }
      all.addAll(added.values());
      return all;
    }

    int item(long clusterId) {
      int item = (int) clusterId;
      ClusterIndex index = snapshot.index;
      boolean valid =
          (clusterId >>> 32) == snapshot.generation && item >= 0 && item < index.itemCount() && index.isCluster(item);
      return valid ? item : -1;
    }

    /** Reports a snapshot item as it stands after the overlay's changes; false if the visitor stopped. */
    boolean visit(int item, Predicate<Place> visitor) {
      ClusterIndex index = snapshot.index;
      int point = index.point(item);
      if (point >= 0) {
        return removed.contains(point)
            || visitor.test(Place.point(snapshot.id(point), snapshot.lon[point], snapshot.lat[point], snapshot.payload[point]));
      }
      int count = index.count(item) - removedUnder.getOrDefault(item, 0);
      if (count <= 0) {
        return true;
      }
      long id = (snapshot.generation << 32) | item;
      return visitor.test(
          new Place(true, id, count, index.lon(item), index.lat(item), index.expansionZoom(item), null, null));
    }
  }
}
