package dev.tessera.engine.vector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one MVT 2.1 layer as a protobuf {@code Tile} message, deduplicating keys and values in the layer's tables
 * as the specification requires. Field numbers are those of {@code vector_tile.proto}: Tile.layers 3; Layer.version
 * 15, name 1, features 2, keys 3, values 4, extent 5; Feature.id 1, tags 2, type 3, geometry 4; Value.string_value 1,
 * double_value 3, int_value 4, sint_value 6, bool_value 7.
 *
 * <p>Not thread-safe: one instance per tile request.
 */
final class MvtWriter {
  static final int POINT = 1;
  static final int LINESTRING = 2;
  static final int POLYGON = 3;

  private final String layerName;
  private final int extent;
  private final Buf features = new Buf(4096);
  private final Buf scratch = new Buf(256);
  private final Map<String, Integer> keys = new HashMap<>();
  private final List<String> keyList = new ArrayList<>();
  private final Map<Object, Integer> values = new HashMap<>();
  private final List<Object> valueList = new ArrayList<>();
  private int featureCount;

  MvtWriter(String layerName, int extent) {
    this.layerName = layerName;
    this.extent = extent;
  }

  int featureCount() {
    return featureCount;
  }

  /**
   * Adds a feature.
   *
   * @param attributes {@code key, value, ...} as made by {@link Attributes#parse}
   * @param geometry command integers, of which the first {@code length} are used
   */
  void addFeature(long id, Object[] attributes, int type, int[] geometry, int length) {
    Buf f = scratch;
    f.n = 0;
    f.tag(1, 0);
    f.varint(id);
    if (attributes.length > 0) {
      int tagsLength = 0;
      int[] tags = new int[attributes.length];
      for (int i = 0; i < attributes.length; i += 2) {
        tags[i] = keys.computeIfAbsent((String) attributes[i], k -> {
          keyList.add(k);
          return keyList.size() - 1;
        });
        tags[i + 1] = values.computeIfAbsent(attributes[i + 1], v -> {
          valueList.add(v);
          return valueList.size() - 1;
        });
      }
      for (int t : tags) {
        tagsLength += Buf.varintSize(t);
      }
      f.tag(2, 2);
      f.varint(tagsLength);
      for (int t : tags) {
        f.varint(t);
      }
    }
    f.tag(3, 0);
    f.varint(type);
    int geometryLength = 0;
    for (int i = 0; i < length; i++) {
      geometryLength += Buf.varintSize(geometry[i] & 0xFFFFFFFFL);
    }
    f.tag(4, 2);
    f.varint(geometryLength);
    for (int i = 0; i < length; i++) {
      f.varint(geometry[i] & 0xFFFFFFFFL);
    }
    features.tag(2, 2);
    features.varint(f.n);
    features.bytes(f.a, f.n);
    featureCount++;
  }

  /** The encoded tile, or null when no feature was added. */
  byte[] finish() {
    if (featureCount == 0) {
      return null;
    }
    Buf layer = new Buf(features.n + 1024);
    layer.tag(15, 0);
    layer.varint(2);
    byte[] name = layerName.getBytes(StandardCharsets.UTF_8);
    layer.tag(1, 2);
    layer.varint(name.length);
    layer.bytes(name, name.length);
    layer.bytes(features.a, features.n);
    for (String key : keyList) {
      byte[] k = key.getBytes(StandardCharsets.UTF_8);
      layer.tag(3, 2);
      layer.varint(k.length);
      layer.bytes(k, k.length);
    }
    Buf v = new Buf(64);
    for (Object value : valueList) {
      v.n = 0;
      writeValue(v, value);
      layer.tag(4, 2);
      layer.varint(v.n);
      layer.bytes(v.a, v.n);
    }
    layer.tag(5, 0);
    layer.varint(extent);
    Buf tile = new Buf(layer.n + 8);
    tile.tag(3, 2);
    tile.varint(layer.n);
    tile.bytes(layer.a, layer.n);
    return Arrays.copyOf(tile.a, tile.n);
  }

  private static void writeValue(Buf v, Object value) {
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
  }

  /** A growable protobuf output buffer. */
  private static final class Buf {
    byte[] a;
    int n;

    Buf(int capacity) {
      a = new byte[capacity];
    }

    void tag(int field, int wireType) {
      varint(field << 3 | wireType);
    }

    void varint(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        a[n++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      a[n++] = (byte) v;
    }

    void raw(byte b) {
      ensure(1);
      a[n++] = b;
    }

    void bytes(byte[] b, int length) {
      ensure(length);
      System.arraycopy(b, 0, a, n, length);
      n += length;
    }

    private void ensure(int more) {
      if (n + more > a.length) {
        a = Arrays.copyOf(a, Math.max(a.length * 2, n + more));
      }
    }

    static int varintSize(long v) {
      int size = 1;
      while ((v & ~0x7FL) != 0) {
        v >>>= 7;
        size++;
      }
      return size;
    }
  }
}
