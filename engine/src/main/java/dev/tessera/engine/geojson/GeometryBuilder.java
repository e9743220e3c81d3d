package dev.tessera.engine.geojson;

import static dev.tessera.engine.geojson.GeoJsonException.INVALID_GEOMETRY;
import static dev.tessera.engine.geojson.GeoJsonException.INVALID_POSITION;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Builds JTS geometries from parsed {@link Coords} once the geometry type is known, checking nesting depth, position
 * counts and ring closure. Failures are {@link GeometryProblem}s with pointers relative to the geometry object.
 */
final class GeometryBuilder {
  /** The one factory for geometries read from GeoJSON: floating precision, EPSG:4326. */
  static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  private static final String COORDINATES = "/coordinates";

  private GeometryBuilder() {}

  /** Builds a non-collection geometry of {@code type}. */
  static Geometry build(GeometryType type, Coords coords) {
    return switch (type) {
      case POINT -> point(coords, COORDINATES);
      case MULTI_POINT -> multiPoint(coords, COORDINATES);
      case LINE_STRING -> lineString(coords, COORDINATES);
      case MULTI_LINE_STRING -> multiLineString(coords, COORDINATES);
      case POLYGON -> polygon(coords, COORDINATES);
      case MULTI_POLYGON -> multiPolygon(coords, COORDINATES);
      case GEOMETRY_COLLECTION -> throw new IllegalArgumentException("GeometryCollection has no coordinates");
    };
  }

  private static Point point(Coords coords, String path) {
    return switch (coords) {
      case Coords.Empty e -> FACTORY.createPoint();
      case Coords.Position p -> FACTORY.createPoint(new CoordinateXY(p.x(), p.y()));
      case Coords.Positions ps -> throw tooDeep(path + "/0", "a Point");
      case Coords.Nested n -> throw tooDeep(path + "/0", "a Point");
    };
  }

  private static Geometry multiPoint(Coords coords, String path) {
    Coords.Positions ps = positions(coords, path, "a MultiPoint");
    if (ps == null) {
      return FACTORY.createMultiPoint();
    }
    Point[] points = new Point[ps.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = FACTORY.createPoint(ps.get(i));
    }
    return FACTORY.createMultiPoint(points);
  }

  private static LineString lineString(Coords coords, String path) {
    Coords.Positions ps = positions(coords, path, "a LineString");
    if (ps == null) {
      return FACTORY.createLineString();
    }
    if (ps.size() < 2) {
      throw new GeometryProblem(INVALID_GEOMETRY, path, "A LineString needs at least 2 positions, found " + ps.size());
    }
    return FACTORY.createLineString(ps.toArray());
  }

  private static Geometry multiLineString(Coords coords, String path) {
    List<Coords> parts = arrays(coords, path, "a MultiLineString");
    LineString[] lines = new LineString[parts.size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = lineString(parts.get(i), path + "/" + i);
    }
    return FACTORY.createMultiLineString(lines);
  }

  private static Polygon polygon(Coords coords, String path) {
    List<Coords> rings = arrays(coords, path, "a Polygon");
    if (rings.isEmpty()) {
      return FACTORY.createPolygon();
    }
    LinearRing shell = ring(rings.get(0), path + "/0");
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i), path + "/" + i);
    }
    return FACTORY.createPolygon(shell, holes);
  }

  private static Geometry multiPolygon(Coords coords, String path) {
    List<Coords> parts = arrays(coords, path, "a MultiPolygon");
    Polygon[] polygons = new Polygon[parts.size()];
    for (int i = 0; i < polygons.length; i++) {
      polygons[i] = polygon(parts.get(i), path + "/" + i);
    }
    return FACTORY.createMultiPolygon(polygons);
  }

  private static LinearRing ring(Coords coords, String path) {
    Coords.Positions ps = positions(coords, path, "a polygon ring");
    int n = ps == null ? 0 : ps.size();
    if (n < 4) {
      throw new GeometryProblem(INVALID_GEOMETRY, path, "A polygon ring needs at least 4 positions, found " + n);
    }
    Coordinate first = ps.get(0);
    Coordinate last = ps.get(n - 1);
    if (!first.equals2D(last)) {
      throw new GeometryProblem(INVALID_GEOMETRY, path, "Polygon ring is not closed: its first position "
          + position(first) + " differs from its last " + position(last));
    }
    return FACTORY.createLinearRing(ps.toArray());
  }

  /** An array of positions, or null for {@code []}. */
  private static Coords.Positions positions(Coords coords, String path, String what) {
    return switch (coords) {
      case Coords.Empty e -> null;
      case Coords.Positions ps -> ps;
      case Coords.Position p -> throw new GeometryProblem(INVALID_POSITION, path + "/0",
          "Expected a position (an array of 2 or 3 numbers), found a number; " + what + " needs an array of positions");
      case Coords.Nested n -> throw n.children().get(0) == Coords.Empty.INSTANCE
          ? new GeometryProblem(INVALID_POSITION, path + "/0", "Position is empty; it needs 2 or 3 numbers")
          : tooDeep(path + "/0/0", what);
    };
  }

  /** An array of arrays of positions (or deeper); empty for {@code []}. */
  private static List<Coords> arrays(Coords coords, String path, String what) {
    return switch (coords) {
      case Coords.Empty e -> List.of();
      case Coords.Nested n -> n.children();
      case Coords.Position p -> throw tooShallow(path + "/0", what);
      case Coords.Positions ps -> throw tooShallow(path + "/0/0", what);
    };
  }

  private static GeometryProblem tooDeep(String pointer, String what) {
    return new GeometryProblem(INVALID_POSITION, pointer,
        "Expected a number, found an array: coordinates are nested too deeply for " + what);
  }

  private static GeometryProblem tooShallow(String pointer, String what) {
    return new GeometryProblem(INVALID_POSITION, pointer,
        "Expected an array, found a number: coordinates are not nested deeply enough for " + what);
  }

  static String position(Coordinate c) {
    return "[" + c.x + ", " + c.y + "]";
  }
}
