package dev.tessera.engine.vector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tiles cut on demand below the build-time index, least recently used first out, bounded by the vertices they
 * hold (each vertex is 3 doubles, 24 bytes) rather than by their number, since one tile of a coastline can hold a
 * hundred thousand vertices and another none.
 *
 * <p>Thread-safe: one lock around the map; only lookups and insertions run under it, never the cutting.
 */
final class DrillCache {
  private final long maxPoints;
  private final LinkedHashMap<Long, IndexTile> tiles = new LinkedHashMap<>(256, 0.75f, true);
  private long points;

  DrillCache(long maxPoints) {
    this.maxPoints = maxPoints;
  }

  synchronized IndexTile get(long key) {
    return tiles.get(key);
  }

  synchronized void put(long key, IndexTile tile) {
    IndexTile previous = tiles.put(key, tile);
    if (previous != null) {
      points -= weight(previous);
    }
    points += weight(tile);
    var it = tiles.entrySet().iterator();
    while (points > maxPoints && it.hasNext()) {
      Map.Entry<Long, IndexTile> eldest = it.next();
      if (eldest.getKey() == key) {
        continue;
      }
      points -= weight(eldest.getValue());
      it.remove();
    }
  }

  synchronized long points() {
    return points;
  }

  synchronized int size() {
    return tiles.size();
  }

  /** Empty tiles weigh one vertex, so that a flood of empty ocean tiles is bounded too. */
  private static long weight(IndexTile tile) {
    return Math.max(1, tile.points());
  }
}
