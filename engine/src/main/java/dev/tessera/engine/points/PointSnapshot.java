package dev.tessera.engine.points;

import java.util.Arrays;
import java.util.UUID;

/**
 * Points as primitive arrays (position, id as two longs, the caller's payload) with their {@link ClusterIndex} and
 * an id-sorted permutation for lookups by id. Immutable; thread-safe.
 */
final class PointSnapshot {
  final long generation;
  final int size;
  final double[] lon;
  final double[] lat;
  final long[] idHigh;
  final long[] idLow;
  final Object[] payload;
  final ClusterIndex index;
  private final int[] byId;

  PointSnapshot(
      long generation, int size, double[] lon, double[] lat, long[] idHigh, long[] idLow, Object[] payload,
      ClusterOptions options) {
    this.generation = generation;
    this.size = size;
    this.lon = lon;
    this.lat = lat;
    this.idHigh = idHigh;
    this.idLow = idLow;
    this.payload = payload;
    this.index = ClusterIndex.build(lon, lat, size, options);
    this.byId = sortById();
  }

  private int[] sortById() {
    Integer[] boxed = new Integer[size];
    for (int i = 0; i < size; i++) {
      boxed[i] = i;
    }
    // Build-time only; UUID order as Long.compare on the halves (any total order works for the binary search).
    Arrays.sort(boxed, (a, b) -> compare(idHigh[a], idLow[a], idHigh[b], idLow[b]));
    int[] sorted = new int[size];
    for (int i = 0; i < size; i++) {
      sorted[i] = boxed[i];
    }
    return sorted;
  }

  private static int compare(long ah, long al, long bh, long bl) {
    int c = Long.compare(ah, bh);
    return c != 0 ? c : Long.compare(al, bl);
  }

  /** The point number of this id, or -1. */
  int find(UUID id) {
    long h = id.getMostSignificantBits();
    long l = id.getLeastSignificantBits();
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int p = byId[mid];
      int c = compare(idHigh[p], idLow[p], h, l);
      if (c == 0) {
        return p;
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  UUID id(int point) {
    return new UUID(idHigh[point], idLow[point]);
  }

  /** Bytes of every array here and in the index, payload references counted at 4 bytes (compressed oops). */
  long bytes() {
    return index.bytes() + 16L * size + 16L * size + 4L * size + 4L * size;
  }
}
