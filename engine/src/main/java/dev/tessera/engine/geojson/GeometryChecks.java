package dev.tessera.engine.geojson;

import static dev.tessera.engine.geojson.GeoJsonException.COORDINATE_OUT_OF_RANGE;
import static dev.tessera.engine.geojson.GeoJsonException.INVALID_GEOMETRY;

import dev.tessera.engine.proj.Crs;
import dev.tessera.engine.proj.GeometryTransform;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The last steps for a parsed geometry: transform to WGS 84, range-check every position, and check validity with JTS.
 *
 * <p>Invalid geometries are rejected, not repaired: a repair (buffer(0), make-valid) can silently drop or reshape
 * parts, and the uploader is better placed to fix the data than the server is to guess.
 */
final class GeometryChecks {
  private GeometryChecks() {}

  /**
   * Transforms {@code geometry} in place from {@code crs} to EPSG:4326 and validates it.
   *
   * @throws GeometryProblem with a pointer relative to the geometry object
   */
  static void finish(Geometry geometry, Crs crs) {
    finish(geometry, crs, false);
  }

  /**
   * As {@link #finish(Geometry, Crs)}, but when {@code repair} is set an invalid geometry is replaced by JTS's
   * {@link GeometryFixer} result (the caller asked for it and is told how many were repaired) instead of rejected.
   *
   * @return {@code geometry}, or its repaired replacement
   */
  static Geometry finish(Geometry geometry, Crs crs, boolean repair) {
    GeometryTransform transform = crs.toWgs84();
    transform.transformInPlace(geometry);
    new RangeCheck(crs).geometry(geometry, "");
    if (repair && !geometry.isValid()) {
      Geometry fixed = GeometryFixer.fix(geometry);
      if (fixed.isEmpty()) {
        throw new GeometryProblem(INVALID_GEOMETRY, "", "Invalid " + geometry.getGeometryType()
            + " has nothing left once repaired");
      }
      fixed.setSRID(geometry.getSRID());
      return fixed;
    }
    checkValid(geometry, "");
    return geometry;
  }

  private static void checkValid(Geometry geometry, String pointer) {
    // Plain collections are checked member by member so the pointer names the invalid member.
    if (geometry.getClass() == GeometryCollection.class) {
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        checkValid(geometry.getGeometryN(i), pointer + "/geometries/" + i);
      }
      return;
    }
    TopologyValidationError error = new IsValidOp(geometry).getValidationError();
    if (error != null) {
      Coordinate at = error.getCoordinate();
      String where = at == null ? "" : " at or near " + GeometryBuilder.position(at);
      throw new GeometryProblem(INVALID_GEOMETRY, pointer, "Invalid " + geometry.getGeometryType() + ": "
          + error.getMessage() + where + " (invalid geometries are rejected unless the import asks for repair)");
    }
  }

  /** Checks that every position is a longitude/latitude, naming the offending position by its pointer. */
  private record RangeCheck(Crs crs) {
    void geometry(Geometry g, String pointer) {
      String coordinates = pointer + "/coordinates";
      switch (g) {
        case Point p -> sequence(p.getCoordinateSequence(), coordinates, -1, false);
        case LineString l -> sequence(l.getCoordinateSequence(), coordinates, -1, true);
        case Polygon p -> polygon(p, coordinates);
        case MultiPoint mp -> {
          for (int i = 0; i < mp.getNumGeometries(); i++) {
            sequence(((Point) mp.getGeometryN(i)).getCoordinateSequence(), coordinates, i, false);
          }
        }
        case MultiLineString ml -> {
          for (int i = 0; i < ml.getNumGeometries(); i++) {
            sequence(((LineString) ml.getGeometryN(i)).getCoordinateSequence(), coordinates, i, true);
          }
        }
        case MultiPolygon mp -> {
          for (int i = 0; i < mp.getNumGeometries(); i++) {
            polygon((Polygon) mp.getGeometryN(i), coordinates + "/" + i);
          }
        }
        case GeometryCollection gc -> {
          for (int i = 0; i < gc.getNumGeometries(); i++) {
            geometry(gc.getGeometryN(i), pointer + "/geometries/" + i);
          }
        }
        default -> throw new IllegalArgumentException("Unsupported geometry " + g.getGeometryType());
      }
    }

    private void polygon(Polygon p, String rings) {
      if (p.isEmpty()) {
        return;
      }
      sequence(p.getExteriorRing().getCoordinateSequence(), rings, 0, true);
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        sequence(p.getInteriorRingN(i).getCoordinateSequence(), rings, i + 1, true);
      }
    }

    /** Pointers are only built on failure: {@code prefix[/part][/i]}. */
    private void sequence(CoordinateSequence seq, String prefix, int part, boolean indexed) {
      for (int i = 0; i < seq.size(); i++) {
        double lon = seq.getX(i);
        double lat = seq.getY(i);
        if (lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) {
          continue;
        }
        String pointer = prefix + (part >= 0 ? "/" + part : "") + (indexed ? "/" + i : "");
        throw new GeometryProblem(COORDINATE_OUT_OF_RANGE, pointer, outOfRange(lon, lat));
      }
    }

    private String outOfRange(double lon, double lat) {
      String after = crs.isWgs84() ? "" : " after transforming from " + crs.name();
      if (Double.isNaN(lon) || Double.isNaN(lat)) {
        return "Position cannot be transformed from " + crs.name() + " to longitude/latitude (outside the CRS's area)";
      }
      if (lon < -180 || lon > 180) {
        return "Longitude " + lon + " is outside [-180, 180]" + after;
      }
      return "Latitude " + lat + " is outside [-90, 90]" + after;
    }
  }
}
