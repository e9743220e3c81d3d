package dev.tessera.engine.geojson;

import static dev.tessera.engine.geojson.GeoJsonException.INVALID_GEOMETRY;
import static dev.tessera.engine.geojson.GeoJsonException.INVALID_PROPERTIES;
import static dev.tessera.engine.geojson.GeoJsonException.INVALID_TYPE;
import static dev.tessera.engine.geojson.GeoJsonException.MISSING_GEOMETRY;

import dev.tessera.engine.proj.Crs;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Reads Feature objects: members in any order, {@code id} and foreign members ignored. */
final class FeatureParser {
  private static final String EMPTY_PROPERTIES = "{}";

  private final JsonCursor cursor;
  private final JsonParser p;
  private final GeometryReader geometries;
  private final CrsReader crsReader;

  private final boolean repair;
  private long repaired;

  FeatureParser(JsonCursor cursor) {
    this(cursor, false);
  }

  FeatureParser(JsonCursor cursor, boolean repair) {
    this.repair = repair;
    this.cursor = cursor;
    this.p = cursor.parser;
    this.geometries = new GeometryReader(cursor);
    this.crsReader = new CrsReader(cursor);
  }

  /** Members of a feature seen so far; a top-level Feature's members arrive between the collection-level ones. */
  static final class Parts {
    ParsedGeometry geometry;
    String properties;
    Crs crs;
  }

  /**
   * Reads the feature whose first token {@code first} is current (an element of {@code features}), leaving the parser
   * on its END_OBJECT.
   *
   * @param inherited the FeatureCollection's crs, or null
   */
  GeoJsonFeature read(JsonToken first, Crs inherited) {
    if (first != JsonToken.START_OBJECT) {
      throw cursor.fail(INVALID_TYPE, "Expected a Feature object, found " + JsonCursor.describe(first));
    }
    Parts parts = new Parts();
    boolean typed = false;
    while (cursor.next() != JsonToken.END_OBJECT) {
      String name = p.currentName();
      JsonToken value = cursor.next();
      switch (name) {
        case "type" -> {
          if (value != JsonToken.VALUE_STRING || !p.getString().equals("Feature")) {
            throw cursor.fail(INVALID_TYPE, "Expected type \"Feature\", found " + valueText(value));
          }
          typed = true;
        }
        case "crs" -> parts.crs = crsReader.read(value);
        default -> member(name, value, parts);
      }
    }
    if (!typed) {
      throw cursor.fail(INVALID_TYPE, "Feature has no type member; expected \"type\": \"Feature\"");
    }
    return finish(parts, inherited);
  }

  /** Handles {@code geometry} and {@code properties}; skips anything else. */
  void member(String name, JsonToken value, Parts parts) {
    switch (name) {
      case "geometry" -> parts.geometry = geometry(value);
      case "properties" -> parts.properties = properties(value);
      default -> p.skipChildren(); // id (the server assigns ids), bbox, foreign members
    }
  }

  /**
   * Completes a feature on its END_OBJECT (where the cursor's pointer is the feature): transform, range and validity
   * checks. The geometry's own crs wins over the feature's, which wins over the collection's.
   */
  GeoJsonFeature finish(Parts parts, Crs inherited) {
    String feature = cursor.pointer();
    if (parts.geometry == null) {
      throw cursor.fail(MISSING_GEOMETRY, feature, "Feature has no geometry member");
    }
    Geometry geometry = parts.geometry.geometry();
    Crs crs = firstNonNull(parts.geometry.crs(), parts.crs, inherited);
    try {
      Geometry checked = GeometryChecks.finish(geometry, crs, repair);
      if (checked != geometry) {
        repaired++;
        geometry = checked;
      }
    } catch (GeometryProblem problem) {
      throw cursor.fail(problem, feature + "/geometry");
    }
    return new GeoJsonFeature(geometry, parts.properties == null ? EMPTY_PROPERTIES : parts.properties);
  }

  /** How many features had their geometry repaired (only when repair was asked for). */
  long repaired() {
    return repaired;
  }

  private ParsedGeometry geometry(JsonToken value) {
    if (value == JsonToken.VALUE_NULL) {
      throw cursor.fail(MISSING_GEOMETRY, "Feature has \"geometry\": null; every feature needs a geometry");
    }
    if (value != JsonToken.START_OBJECT) {
      throw cursor.fail(INVALID_GEOMETRY, "geometry must be a geometry object, found " + JsonCursor.describe(value));
    }
    return geometries.read(true);
  }

  private String properties(JsonToken value) {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_OBJECT) {
      throw cursor.fail(INVALID_PROPERTIES,
          "properties must be an object or null, found " + JsonCursor.describe(value));
    }
    return JsonText.copyValue(p);
  }

  private String valueText(JsonToken value) {
    return value == JsonToken.VALUE_STRING ? "\"" + p.getString() + "\"" : JsonCursor.describe(value);
  }

  private static Crs firstNonNull(Crs a, Crs b, Crs c) {
    if (a != null) {
      return a;
    }
    if (b != null) {
      return b;
    }
    return c != null ? c : Crs.wgs84();
  }
}
