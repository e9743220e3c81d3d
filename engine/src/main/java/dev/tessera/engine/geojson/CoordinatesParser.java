package dev.tessera.engine.geojson;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Parses a {@code coordinates} array into {@link Coords}, validating positions as it goes so that errors carry the
 * exact pointer and line/column of the offending token.
 */
final class CoordinatesParser {
  /** Root array, polygon, ring, position: deeper than a MultiPolygon's positions is never valid GeoJSON. */
  private static final int MAX_LEVEL = 3;

  private final JsonCursor cursor;
  private final JsonParser p;
  private double x;
  private double y;

  CoordinatesParser(JsonCursor cursor) {
    this.cursor = cursor;
    this.p = cursor.parser;
  }

  /** Parses the array at the current START_ARRAY token, leaving the parser on its END_ARRAY. */
  Coords parse() {
    return body(cursor.next(), 0);
  }

  /** The contents of an array at nesting {@code level} whose first token {@code first} has just been read. */
  private Coords body(JsonToken first, int level) {
    if (first == JsonToken.END_ARRAY) {
      return Coords.Empty.INSTANCE;
    }
    if (first.isNumeric()) {
      readPosition(first);
      return new Coords.Position(x, y);
    }
    if (first != JsonToken.START_ARRAY) {
      throw cursor.fail(GeoJsonException.INVALID_POSITION,
          "Expected a number or an array in coordinates, found " + JsonCursor.describe(first));
    }
    if (level == MAX_LEVEL) {
      throw cursor.fail(GeoJsonException.INVALID_POSITION, "Coordinates are nested too deeply: expected a number");
    }
    Coords firstChild = body(cursor.next(), level + 1);
    if (firstChild instanceof Coords.Position pos) {
      return positions(pos);
    }
    return nested(firstChild, level);
  }

  /** The rest of an array whose first element was the position {@code first}. */
  private Coords.Positions positions(Coords.Position first) {
    Coords.Positions list = new Coords.Positions();
    list.add(first.x(), first.y());
    JsonToken t;
    while ((t = cursor.next()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_ARRAY) {
        throw cursor.fail(GeoJsonException.INVALID_POSITION,
            "Expected a position (an array of 2 or 3 numbers), found " + JsonCursor.describe(t));
      }
      JsonToken n = cursor.next();
      if (!n.isNumeric()) {
        throw n == JsonToken.END_ARRAY
            ? cursor.fail(GeoJsonException.INVALID_POSITION, "Position is empty; it needs 2 or 3 numbers")
            : cursor.fail(GeoJsonException.INVALID_POSITION,
                "Expected a number in a position, found " + JsonCursor.describe(n));
      }
      readPosition(n);
      list.add(x, y);
    }
    return list;
  }

  /** The rest of an array whose elements are arrays of arrays (or empty arrays). */
  private Coords nested(Coords first, int level) {
    List<Coords> children = new ArrayList<>();
    children.add(first);
    JsonToken t;
    while ((t = cursor.next()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_ARRAY) {
        throw cursor.fail(GeoJsonException.INVALID_POSITION,
            "Expected an array in coordinates, found " + JsonCursor.describe(t));
      }
      Coords child = body(cursor.next(), level + 1);
      if (child instanceof Coords.Position) {
        throw mixedPositions(children);
      }
      children.add(child);
    }
    return new Coords.Nested(children);
  }

  /** A position after only empty arrays: the empty ones were meant as positions, so blame the first of them. */
  private RuntimeException mixedPositions(List<Coords> before) {
    boolean allEmpty = true;
    for (Coords c : before) {
      allEmpty &= c == Coords.Empty.INSTANCE;
    }
    if (allEmpty) {
      // The parser sits on the END_ARRAY of the position just read; its pointer names that element.
      String pointer = p.streamReadContext().pathAsPointer().head().appendIndex(0).toString();
      return cursor.fail(GeoJsonException.INVALID_POSITION, pointer, "Position is empty; it needs 2 or 3 numbers");
    }
    return cursor.fail(GeoJsonException.INVALID_POSITION,
        "Expected an array of positions, found a single position (coordinates nested inconsistently)");
  }

  /** Reads the numbers of a position whose first number token was just read; leaves the parser on END_ARRAY. */
  private void readPosition(JsonToken first) {
    x = number(first);
    JsonToken t = cursor.next();
    if (t == JsonToken.END_ARRAY) {
      throw cursor.fail(GeoJsonException.INVALID_POSITION, "Position has 1 number; it needs 2 or 3");
    }
    y = number(t);
    t = cursor.next();
    if (t == JsonToken.END_ARRAY) {
      return;
    }
    number(t); // Z is validated, then dropped: Tessera stores 2D geometries.
    t = cursor.next();
    if (t != JsonToken.END_ARRAY) {
      throw cursor.fail(GeoJsonException.INVALID_POSITION, "Position has more than 3 values; it needs 2 or 3 numbers");
    }
  }

  private double number(JsonToken t) {
    if (!t.isNumeric()) {
      throw cursor.fail(GeoJsonException.INVALID_POSITION,
          "Expected a number in a position, found " + JsonCursor.describe(t));
    }
    double v = p.getDoubleValue();
    if (!Double.isFinite(v)) {
      throw cursor.fail(GeoJsonException.INVALID_POSITION, "Coordinate " + p.getString() + " is not a finite number");
    }
    return v;
  }
}
