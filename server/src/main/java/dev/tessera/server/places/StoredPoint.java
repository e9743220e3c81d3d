package dev.tessera.server.places;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What the places index keeps with each point beside its position and id: the store's {@code fid} (the point's MVT
 * id, the same as in the layer's ordinary vector tiles) and its properties as compact JSON in UTF-8, written once
 * when the point enters the index so an answer copies bytes instead of parsing and re-encoding text. Costs what the
 * properties' {@code String} cost before (a 24-byte object and an array). Immutable.
 *
 * @param fid the feature's fid in the store, 0 if unknown
 * @param json the properties object, written by Jackson without whitespace; {@code {}} when there are none
 */
record StoredPoint(long fid, byte[] json) {
  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] EMPTY = {'{', '}'};

  /** Normalises stored properties text (null, or anything but an object, counts as no properties). */
  static StoredPoint of(long fid, String propertiesJson) {
    if (propertiesJson == null || propertiesJson.isBlank()) {
      return new StoredPoint(fid, EMPTY);
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(propertiesJson.length() + 8);
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), propertiesJson);
        JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new StoredPoint(fid, EMPTY);
      }
      g.copyCurrentStructure(p);
    }
    byte[] bytes = out.toByteArray();
    return new StoredPoint(fid, bytes.length == 2 ? EMPTY : bytes);
  }

  /** A point's properties as JSON text, or null for a cluster. */
  static String properties(dev.tessera.engine.points.Place place) {
    return place.payload() instanceof StoredPoint stored ? stored.properties() : null;
  }

  /** The properties as JSON text. */
  String properties() {
    return new String(json, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredPoint s && s.fid == fid && java.util.Arrays.equals(s.json, json);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fid) * 31 + java.util.Arrays.hashCode(json);
  }

  @Override
  public String toString() {
    return "StoredPoint[fid=" + fid + ", json=" + properties() + "]";
  }
}
