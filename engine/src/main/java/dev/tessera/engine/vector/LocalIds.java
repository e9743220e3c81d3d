package dev.tessera.engine.vector;

import java.util.Arrays;

/**
 * Numbers the distinct ints of {@code 0..universe-1} it is given 0, 1, 2… in order of first sight: a tile's key and
 * value tables as indexes into the layer's {@link AttributeDictionary}. A tile expected to use a good part of the
 * universe gets a direct table (one array read per lookup; the hashed lookups were a sixth of a 135,000-point tile),
 * other tiles open addressing with linear probing, so that small tiles do not allocate per dictionary entry.
 * Not thread-safe.
 */
final class LocalIds {
  private final int[] direct; // local number + 1 per global id, 0 = none yet; null when hashed
  private int[] slots; // global id + 1, 0 = empty
  private int[] local;
  private int[] order;
  private int size;

  /**
   * @param universe the number of global ids
   * @param expected how many lookups the tile will make, an upper bound of the distinct ids it will see
   */
  LocalIds(int universe, long expected) {
    if (expected * 4 >= universe) {
      direct = new int[universe];
      order = new int[Math.max(16, (int) Math.min(universe, expected))];
      return;
    }
    direct = null;
    int distinct = (int) Math.min(expected, 1024);
    int capacity = Integer.highestOneBit(Math.max(16, distinct * 2 - 1)) << 1;
    slots = new int[capacity];
    local = new int[capacity];
    order = new int[Math.max(16, distinct)];
  }

  /** The local number of {@code id}, given now if it had none. */
  int of(int id) {
    if (direct != null) {
      int l = direct[id];
      if (l != 0) {
        return l - 1;
      }
      append(id);
      direct[id] = size;
      return size - 1;
    }
    int mask = slots.length - 1;
    int i = mix(id) & mask;
    while (true) {
      int s = slots[i];
      if (s == 0) {
        break;
      }
      if (s == id + 1) {
        return local[i];
      }
      i = (i + 1) & mask;
    }
    slots[i] = id + 1;
    local[i] = size;
    append(id);
    if (size * 2 > slots.length) {
      grow();
    }
    return size - 1;
  }

  private void append(int id) {
    if (size == order.length) {
      order = Arrays.copyOf(order, size * 2);
    }
    order[size++] = id;
  }

  int size() {
    return size;
  }

  /** The global id numbered {@code n}. */
  int global(int n) {
    return order[n];
  }

  private void grow() {
    int[] oldSlots = slots;
    int[] oldLocal = local;
    slots = new int[oldSlots.length * 2];
    local = new int[oldSlots.length * 2];
    int mask = slots.length - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] != 0) {
        int i = mix(oldSlots[j] - 1) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = oldSlots[j];
        local[i] = oldLocal[j];
      }
    }
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
