package dev.tessera.engine.geojson;

import static dev.tessera.engine.geojson.GeoJsonException.UNKNOWN_CRS;

import dev.tessera.engine.proj.Crs;
import dev.tessera.engine.proj.UnknownCrsException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a GeoJSON 2008 {@code crs} member: {@code {"type":"name","properties":{"name":"EPSG:3857"}}}, or the older
 * draft form {@code {"type":"EPSG","properties":{"code":3857}}}. Linked CRSs are not supported.
 */
final class CrsReader {
  private final JsonCursor cursor;
  private final JsonParser p;

  CrsReader(JsonCursor cursor) {
    this.cursor = cursor;
    this.p = cursor.parser;
  }

  /** Reads the crs value whose first token {@code value} is current; null for {@code "crs": null}. */
  Crs read(JsonToken value) {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_OBJECT) {
      throw cursor.fail(UNKNOWN_CRS, "crs must be an object, found " + JsonCursor.describe(value));
    }
    String type = null;
    String name = null;
    long code = -1;
    while (cursor.next() != JsonToken.END_OBJECT) {
      String member = p.currentName();
      JsonToken v = cursor.next();
      if (member.equals("type") && v == JsonToken.VALUE_STRING) {
        type = p.getString();
      } else if (member.equals("properties") && v == JsonToken.START_OBJECT) {
        while (cursor.next() != JsonToken.END_OBJECT) {
          String property = p.currentName();
          JsonToken pv = cursor.next();
          if (property.equals("name") && pv == JsonToken.VALUE_STRING) {
            name = p.getString();
          } else if (property.equals("code") && pv == JsonToken.VALUE_NUMBER_INT) {
            code = p.getLongValue();
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    // On the crs object's END_OBJECT, the cursor's pointer is the crs member itself.
    String base = cursor.pointer();
    if ("name".equals(type) && name != null) {
      return parse(name, base + "/properties/name");
    }
    if ("EPSG".equals(type) && code > 0 && code <= Integer.MAX_VALUE) {
      return parse("EPSG:" + code, base + "/properties/code");
    }
    throw cursor.fail(UNKNOWN_CRS, base, "Unsupported crs " + (type == null ? "without a type" : "of type '" + type
        + "'") + "; use {\"type\":\"name\",\"properties\":{\"name\":\"EPSG:<code>\"}} or omit crs for WGS 84");
  }

  private Crs parse(String name, String pointer) {
    try {
      return Crs.parse(name);
    } catch (UnknownCrsException e) {
      throw cursor.fail(UNKNOWN_CRS, pointer, e.getMessage());
    }
  }
}
