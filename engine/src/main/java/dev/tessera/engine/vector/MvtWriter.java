package dev.tessera.engine.vector;

import java.nio.charset.StandardCharsets;

/**
 * Writes one MVT 2.1 layer as a protobuf {@code Tile} message, deduplicating keys and values in the layer's tables
 * as the specification requires. Field numbers are those of {@code vector_tile.proto}: Tile.layers 3; Layer.version
 * 15, name 1, features 2, keys 3, values 4, extent 5; Feature.id 1, tags 2, type 3, geometry 4; Value.string_value 1,
 * double_value 3, int_value 4, sint_value 6, bool_value 7.
 *
 * Keys and values come as ids into the layer's {@link AttributeDictionary}, numbered per tile by {@link LocalIds}.
 *
 * <p>Not thread-safe: one instance per tile request.
 */
final class MvtWriter {
  static final int POINT = 1;
  static final int LINESTRING = 2;
  static final int POLYGON = 3;

  private final String layerName;
  private final int extent;
  private final AttributeDictionary dictionary;
  private final ProtoBuffer features = new ProtoBuffer(4096);
  private final ProtoBuffer scratch = new ProtoBuffer(256);
  private final LocalIds keys;
  private final LocalIds values;
  private int[] tags = new int[16];
  private int featureCount;

  MvtWriter(String layerName, int extent, AttributeDictionary dictionary) {
    this.layerName = layerName;
    this.extent = extent;
    this.dictionary = dictionary;
    this.keys = new LocalIds(Math.min(64, dictionary.keyCount()));
    this.values = new LocalIds(Math.min(1024, dictionary.valueCount()));
  }


  /**
   * Adds a feature.
   *
   * @param attributes {@code keyId, valueId, ...} as made by {@link AttributeDictionary#intern}
   * @param geometry command integers, of which the first {@code length} are used
   */
  void addFeature(long id, int[] attributes, int type, int[] geometry, int length) {
    ProtoBuffer f = scratch;
    f.n = 0;
    f.tag(1, 0);
    f.varint(id);
    if (attributes.length > 0) {
      if (tags.length < attributes.length) {
        tags = new int[attributes.length];
      }
      int tagsLength = 0;
      for (int i = 0; i < attributes.length; i += 2) {
        tags[i] = keys.of(attributes[i]);
        tags[i + 1] = values.of(attributes[i + 1]);
        tagsLength += ProtoBuffer.varintSize(tags[i]) + ProtoBuffer.varintSize(tags[i + 1]);
      }
      f.tag(2, 2);
      f.varint(tagsLength);
      for (int i = 0; i < attributes.length; i++) {
        f.varint(tags[i]);
      }
    }
    f.tag(3, 0);
    f.varint(type);
    int geometryLength = 0;
    for (int i = 0; i < length; i++) {
      geometryLength += ProtoBuffer.varintSize(geometry[i] & 0xFFFFFFFFL);
    }
    f.tag(4, 2);
    f.varint(geometryLength);
    for (int i = 0; i < length; i++) {
      f.varint(geometry[i] & 0xFFFFFFFFL);
    }
    features.message(2, f.a, f.n);
    featureCount++;
  }

  /** The encoded tile, or null when no feature was added. */
  byte[] finish() {
    if (featureCount == 0) {
      return null;
    }
    ProtoBuffer layer = new ProtoBuffer(features.n + 1024);
    layer.tag(15, 0);
    layer.varint(2);
    byte[] name = layerName.getBytes(StandardCharsets.UTF_8);
    layer.message(1, name, name.length);
    layer.bytes(features.a, features.n);
    for (int i = 0; i < keys.size(); i++) {
      byte[] k = dictionary.key(keys.global(i));
      layer.message(3, k, k.length);
    }
    for (int i = 0; i < values.size(); i++) {
      byte[] v = dictionary.value(values.global(i));
      layer.message(4, v, v.length);
    }
    layer.tag(5, 0);
    layer.varint(extent);
    ProtoBuffer tile = new ProtoBuffer(layer.n + 8);
    tile.message(3, layer.a, layer.n);
    return tile.toByteArray();
  }
}
