package dev.tessera.engine.vector;

import java.util.Arrays;

/**
 * Numbers the distinct non-negative ints it is given 0, 1, 2… in order of first sight (open addressing, linear
 * probing): a tile's key and value tables as indexes into the layer's {@link AttributeDictionary}. Not thread-safe.
 */
final class LocalIds {
  private int[] slots; // global id + 1, 0 = empty
  private int[] local;
  private int[] order;
  private int size;

  LocalIds(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new int[capacity];
    local = new int[capacity];
    order = new int[Math.max(16, expected)];
  }

  /** The local number of {@code id}, given now if it had none. */
  int of(int id) {
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
    if (size == order.length) {
      order = Arrays.copyOf(order, size * 2);
    }
    order[size] = id;
    slots[i] = id + 1;
    local[i] = size;
    if (++size * 2 > slots.length) {
      grow();
    }
    return size - 1;
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
