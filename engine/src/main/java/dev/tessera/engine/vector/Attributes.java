package dev.tessera.engine.vector;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns a properties JSON object into MVT attribute values once, at build time: {@code String}, {@code Long} (an
 * integral JSON number that fits 64 bits), {@code Double} (any other number), {@code Boolean}; nested objects and
 * arrays become their compact JSON text; nulls are left out, as MVT has no null.
 *
 * <p>Stateless and thread-safe.
 */
final class Attributes {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Object[] NONE = {};

  private Attributes() {}

  /** The attributes as {@code key0, value0, key1, value1, ...}; a repeated key keeps its last value, as JSON does. */
  static Object[] parse(String json) {
    List<Object> kv = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("properties must be a JSON object: " + abbreviate(json));
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
        String key = p.currentName();
        Object value = value(p, p.nextToken());
        int existing = kv.indexOf(key);
        if (existing >= 0 && existing % 2 == 0) {
          kv.remove(existing + 1);
          kv.remove(existing);
        }
        if (value != null) {
          kv.add(key);
          kv.add(value);
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new IllegalArgumentException("properties must be a JSON object: " + abbreviate(json));
      }
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalArgumentException("properties are not valid JSON: " + e.getOriginalMessage(), e);
    }
    return kv.isEmpty() ? NONE : kv.toArray();
  }

  private static Object value(JsonParser p, JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> p.getString();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case START_OBJECT, START_ARRAY -> compact(p);
      default -> throw new IllegalArgumentException("Unexpected JSON token " + t + " in properties");
    };
  }

  /** The structured value at the parser's current START token as compact JSON text. */
  private static String compact(JsonParser p) {
    StringWriter out = new StringWriter(64);
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      g.copyCurrentStructure(p);
    }
    return out.toString();
  }

  /** The TileJSON {@code vector_layers} type name of an attribute value. */
  static String typeName(Object value) {
    return value instanceof String ? "String" : value instanceof Boolean ? "Boolean" : "Number";
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
