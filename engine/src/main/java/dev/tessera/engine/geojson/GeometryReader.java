package dev.tessera.engine.geojson;

import static dev.tessera.engine.geojson.GeoJsonException.INVALID_GEOMETRY;
import static dev.tessera.engine.geojson.GeoJsonException.INVALID_TYPE;

import dev.tessera.engine.proj.Crs;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Reads one GeoJSON geometry object, in any member order, into a structurally checked JTS geometry. */
final class GeometryReader {
  private final JsonCursor cursor;
  private final JsonParser p;
  private final CoordinatesParser coordinates;
  private final CrsReader crsReader;

  GeometryReader(JsonCursor cursor) {
    this.cursor = cursor;
    this.p = cursor.parser;
    this.coordinates = new CoordinatesParser(cursor);
    this.crsReader = new CrsReader(cursor);
  }

  /**
   * Reads the geometry object at the current START_OBJECT, leaving the parser on its END_OBJECT.
   *
   * @param outermost whether a {@code crs} member is honoured; nested ones (inside a GeometryCollection) are ignored
   *     because GeoJSON 2008 forbids overriding the crs of a parent
   */
  ParsedGeometry read(boolean outermost) {
    GeometryType type = null;
    Coords coords = null;
    List<Geometry> members = null;
    Crs crs = null;
    while (cursor.next() != JsonToken.END_OBJECT) {
      String name = p.currentName();
      JsonToken value = cursor.next();
      switch (name) {
        case "type" -> type = type(value);
        case "coordinates" -> {
          if (type == GeometryType.GEOMETRY_COLLECTION) {
            p.skipChildren();
          } else {
            coords = coordinates(value);
          }
        }
        case "geometries" -> {
          if (type != null && type != GeometryType.GEOMETRY_COLLECTION) {
            p.skipChildren();
          } else {
            members = members(value);
          }
        }
        case "crs" -> {
          if (outermost) {
            crs = crsReader.read(value);
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren(); // bbox and foreign members
      }
    }
    return new ParsedGeometry(build(type, coords, members), crs);
  }

  private GeometryType type(JsonToken value) {
    if (value != JsonToken.VALUE_STRING) {
      throw cursor.fail(INVALID_TYPE, "Geometry type must be a string, found " + JsonCursor.describe(value));
    }
    GeometryType type = GeometryType.of(p.getString());
    if (type == null) {
      throw cursor.fail(INVALID_TYPE,
          "Unknown geometry type '" + p.getString() + "'; expected " + GeometryType.NAMES);
    }
    return type;
  }

  private Coords coordinates(JsonToken value) {
    if (value != JsonToken.START_ARRAY) {
      throw cursor.fail(INVALID_GEOMETRY, "coordinates must be an array, found " + JsonCursor.describe(value));
    }
    return coordinates.parse();
  }

  private List<Geometry> members(JsonToken value) {
    if (value != JsonToken.START_ARRAY) {
      throw cursor.fail(INVALID_GEOMETRY, "geometries must be an array, found " + JsonCursor.describe(value));
    }
    List<Geometry> members = new ArrayList<>();
    JsonToken t;
    while ((t = cursor.next()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw cursor.fail(INVALID_GEOMETRY,
            "A GeometryCollection member must be a geometry object, found " + JsonCursor.describe(t));
      }
      members.add(read(false).geometry());
    }
    return members;
  }

  /** Called on the geometry's END_OBJECT, where the cursor's pointer is the geometry object itself. */
  private Geometry build(GeometryType type, Coords coords, List<Geometry> members) {
    if (type == null) {
      throw cursor.fail(INVALID_TYPE, "Geometry has no type member; expected " + GeometryType.NAMES);
    }
    if (type == GeometryType.GEOMETRY_COLLECTION) {
      if (members == null) {
        throw cursor.fail(INVALID_GEOMETRY, "GeometryCollection has no geometries array");
      }
      return GeometryBuilder.FACTORY.createGeometryCollection(members.toArray(Geometry[]::new));
    }
    if (coords == null) {
      throw cursor.fail(INVALID_GEOMETRY, type.jsonName() + " has no coordinates array");
    }
    try {
      return GeometryBuilder.build(type, coords);
    } catch (GeometryProblem problem) {
      throw cursor.fail(problem, cursor.pointer());
    }
  }
}
