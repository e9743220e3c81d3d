package dev.tessera.engine.vector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer's attribute keys and values, each stored and encoded once, at build time: features then carry only
 * {@code keyId, valueId, ...} pairs, and a tile maps those to its own tables with primitive lookups instead of
 * hashing every value of every feature again (which cost half of a 135,000-point tile). Keys and values are kept as
 * the complete {@code Layer.keys} / {@code Layer.values} fields (tag, length, bytes), so writing a tile's tables is
 * one copy per entry.
 *
 * <p>Built by one thread with {@link #intern}, then read-only and thread-safe after {@link #freeze}.
 */
final class AttributeDictionary {
  private static final int[] NONE = {};

  private final Map<String, Integer> keyIds = new HashMap<>();
  private final Map<Object, Integer> valueIds = new HashMap<>();
  private final List<String> keyList = new ArrayList<>();
  private final List<byte[]> valueList = new ArrayList<>();
  private byte[][] keys;
  private byte[][] values;

  /** The ids of {@code kv} ({@code key, value, ...} as {@link Attributes#parse} makes it), as {@code key, value, ...}. */
  int[] intern(Object[] kv) {
    if (kv.length == 0) {
      return NONE;
    }
    int[] tags = new int[kv.length];
    for (int i = 0; i < kv.length; i += 2) {
      tags[i] = keyIds.computeIfAbsent((String) kv[i], k -> {
        keyList.add(k);
        return keyList.size() - 1;
      });
      tags[i + 1] = valueIds.computeIfAbsent(kv[i + 1], v -> {
        valueList.add(encode(v));
        return valueList.size() - 1;
      });
    }
    return tags;
  }

  /** Drops the build-time maps and keeps the encoded tables. */
  AttributeDictionary freeze() {
    keys = new byte[keyList.size()][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = field(3, keyList.get(i).getBytes(StandardCharsets.UTF_8));
    }
    values = new byte[valueList.size()][];
    for (int i = 0; i < values.length; i++) {
      values[i] = field(4, valueList.get(i));
    }
    keyIds.clear();
    valueIds.clear();
    keyList.clear();
    valueList.clear();
    return this;
  }

  int keyCount() {
    return keys.length;
  }

  int valueCount() {
    return values.length;
  }

  /** The key as a complete {@code Layer.keys} field: tag, length, UTF-8 bytes. */
  byte[] keyField(int id) {
    return keys[id];
  }

  /** The value as a complete {@code Layer.values} field: tag, length, encoded {@code Value} message. */
  byte[] valueField(int id) {
    return values[id];
  }

  private static byte[] field(int number, byte[] bytes) {
    ProtoBuffer f = new ProtoBuffer(bytes.length + 6);
    f.message(number, bytes, bytes.length);
    return f.toByteArray();
  }

  /** Value.string_value 1, double_value 3, int_value 4, sint_value 6, bool_value 7 of vector_tile.proto. */
  static byte[] encode(Object value) {
    ProtoBuffer v = new ProtoBuffer(16);
    switch (value) {
      case String s -> {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        v.tag(1, 2);
        v.varint(b.length);
        v.bytes(b, b.length);
      }
      case Double d -> {
        v.tag(3, 1);
        long bits = Double.doubleToRawLongBits(d);
        for (int i = 0; i < 8; i++) {
          v.raw((byte) (bits >>> (8 * i)));
        }
      }
      case Long l when l >= 0 -> {
        v.tag(4, 0);
        v.varint(l);
      }
      case Long l -> {
        v.tag(6, 0);
        v.varint((l << 1) ^ (l >> 63));
      }
      case Boolean b -> {
        v.tag(7, 0);
        v.varint(b ? 1 : 0);
      }
      default -> throw new IllegalStateException("Unsupported attribute value " + value.getClass());
    }
    return v.toByteArray();
  }
}
