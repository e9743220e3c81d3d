package dev.tessera.engine.raster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded internal tiles, least recently used dropped first once their total size passes a byte budget; shared by
 * every open COG so the budget bounds the heap, whatever the number of layers. Two threads missing the same tile may
 * both decode it (the second result wins); decoding outside the lock keeps threads from queueing behind I/O.
 * Thread-safe.
 */
public final class BlockCache {
  private final long maxBytes;
  private long bytes;
  private final LinkedHashMap<Key, Object> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long hits;
  private long misses;

  /** A cache holding at most {@code maxBytes} of decoded samples (0 disables caching). */
  public BlockCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  record Key(Object cog, int directory, int index) {}

  synchronized Object get(Key key) {
    Object value = entries.get(key);
    if (value == null) {
      misses++;
    } else {
      hits++;
    }
    return value;
  }

  /** Whether {@code key} is cached, without counting a hit or a miss or refreshing it. */
  synchronized boolean contains(Key key) {
    return entries.containsKey(key);
  }

  synchronized void put(Key key, Object value) {
    long size = sizeOf(value);
    if (size > maxBytes) {
      return;
    }
    Object old = entries.put(key, value);
    bytes += size - (old == null ? 0 : sizeOf(old));
    var it = entries.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<Key, Object> eldest = it.next();
      bytes -= sizeOf(eldest.getValue());
      it.remove();
    }
  }

  /** Drops every tile of {@code cog} (a replaced or closed file). */
  synchronized void evict(Object cog) {
    var it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, Object> e = it.next();
      if (e.getKey().cog() == cog) {
        bytes -= sizeOf(e.getValue());
        it.remove();
      }
    }
  }

  public synchronized long hits() {
    return hits;
  }

  public synchronized long misses() {
    return misses;
  }

  private static long sizeOf(Object value) {
    if (value instanceof Object[] bands) {
      long size = 64;
      for (Object band : bands) {
        size += sizeOf(band);
      }
      return size;
    }
    if (value instanceof float[] f) {
      return f.length * 4L + 16;
    }
    if (value instanceof double[] d) {
      return d.length * 8L + 16;
    }
    return value instanceof byte[] mask ? mask.length + 16 : 64;
  }
}
