package dev.tessera.engine.geojson;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/** A Jackson parser plus what is needed to report errors at the parser's position. */
final class JsonCursor {
  final JsonParser parser;
  /** Index of the feature being read, -1 outside a FeatureCollection's features. */
  long featureIndex = -1;

  JsonCursor(JsonParser parser) {
    this.parser = parser;
  }

  /** RFC 6901 pointer to the current token's value (Jackson tracks the path for free). */
  String pointer() {
    return parser.streamReadContext().pathAsPointer().toString();
  }

  /** The next token, which must exist: end of input inside a document is malformed JSON. */
  JsonToken next() {
    JsonToken t = parser.nextToken();
    if (t == null) {
      throw fail(GeoJsonException.MALFORMED_JSON, "Malformed JSON: unexpected end of input");
    }
    return t;
  }

  GeoJsonException fail(String code, String detail) {
    return fail(code, pointer(), detail);
  }

  GeoJsonException fail(String code, String pointer, String detail) {
    TokenStreamLocation loc = parser.currentTokenLocation();
    return new GeoJsonException(code, pointer, featureIndex, line(loc), column(loc), detail, null);
  }

  /** A problem found once a geometry was complete; {@code base} is the pointer of that geometry object. */
  GeoJsonException fail(GeometryProblem problem, String base) {
    return fail(problem.code(), base + problem.pointer(), problem.getMessage());
  }

  GeoJsonException malformed(JacksonException e) {
    TokenStreamLocation loc = e.getLocation();
    String pointer;
    try {
      pointer = pointer();
    } catch (RuntimeException ignored) {
      pointer = "";
    }
    String detail = "Malformed JSON: " + e.getOriginalMessage();
    return new GeoJsonException(GeoJsonException.MALFORMED_JSON, pointer, featureIndex, line(loc), column(loc),
        detail, e);
  }

  private static long line(TokenStreamLocation loc) {
    return loc == null || loc.getLineNr() <= 0 ? -1 : loc.getLineNr();
  }

  private static long column(TokenStreamLocation loc) {
    return loc == null || loc.getColumnNr() <= 0 ? -1 : loc.getColumnNr();
  }

  /** "a string", "an array", ... for messages. */
  static String describe(JsonToken t) {
    if (t == null) {
      return "end of input";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case END_ARRAY -> "the end of the array";
      case END_OBJECT -> "the end of the object";
      default -> t.toString();
    };
  }
}
