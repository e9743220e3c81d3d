package dev.tessera.engine.geojson;

import java.io.StringWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/** Shared Jackson factories and exact copying of JSON values. */
final class JsonText {
  /** Parsers close their input when closed: the reader owns the stream it was opened on. */
  static final JsonFactory READ_FACTORY = new JsonFactory();

  /**
   * Generators leave the target stream open (the caller owns the response stream) and never auto-complete open
   * objects on close, so a failure mid-document leaves visibly truncated JSON rather than a plausible-looking one.
   */
  static final JsonFactory WRITE_FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      .build();

  private JsonText() {}

  /**
   * Copies the value at the parser's current token as compact JSON text. Numbers are copied as their source text (so
   * {@code 1.50} stays {@code 1.50} and big integers keep every digit); strings are re-escaped minimally.
   */
  static String copyValue(JsonParser p) {
    StringWriter out = new StringWriter(64);
    try (JsonGenerator g = WRITE_FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      copyValue(p, g);
    }
    return out.toString();
  }

  static void copyValue(JsonParser p, JsonGenerator g) {
    int depth = 0;
    JsonToken t = p.currentToken();
    while (true) {
      switch (t) {
        case START_OBJECT -> {
          g.writeStartObject();
          depth++;
        }
        case END_OBJECT -> {
          g.writeEndObject();
          depth--;
        }
        case START_ARRAY -> {
          g.writeStartArray();
          depth++;
        }
        case END_ARRAY -> {
          g.writeEndArray();
          depth--;
        }
        case PROPERTY_NAME -> g.writeName(p.currentName());
        case VALUE_STRING -> g.writeString(p.getString());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getString());
        case VALUE_TRUE -> g.writeBoolean(true);
        case VALUE_FALSE -> g.writeBoolean(false);
        case VALUE_NULL -> g.writeNull();
        default -> throw new IllegalStateException("Cannot copy JSON token " + t);
      }
      if (depth == 0) {
        return;
      }
      t = p.nextToken();
    }
  }

  /** {@code json} as compact text if it is exactly one well-formed JSON value (surrounding whitespace allowed), else null. */
  static String compactValue(String json) {
    try (JsonParser p = READ_FACTORY.createParser(ObjectReadContext.empty(), json)) {
      if (p.nextToken() == null) {
        return null;
      }
      String compact = copyValue(p);
      return p.nextToken() == null ? compact : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  /** True if {@code json} is exactly one well-formed JSON object (surrounding whitespace allowed). */
  static boolean isObject(String json) {
    try (JsonParser p = READ_FACTORY.createParser(ObjectReadContext.empty(), json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (JacksonException e) {
      return false;
    }
  }
}
