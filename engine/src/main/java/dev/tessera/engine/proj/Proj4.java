package dev.tessera.engine.proj;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.UnknownAuthorityCodeException;

/**
 * The only place that talks to proj4j. Factory calls are serialised because proj4j's registry and EPSG file reader
 * are not documented as thread-safe; they run rarely (results are cached by {@link Crs} and
 * {@link GeometryTransform}).
 */
final class Proj4 {
  static final String WGS84_DEFINITION = "+proj=longlat +datum=WGS84 +no_defs";
  private static final Object LOCK = new Object();
  private static final CRSFactory CRS_FACTORY = new CRSFactory();
  private static final CoordinateTransformFactory TRANSFORM_FACTORY = new CoordinateTransformFactory();

  private Proj4() {}

  /** The proj4 definition of an EPSG code from the bundled proj4j-epsg database. */
  static Definition definition(int epsgCode) {
    String name = "EPSG:" + epsgCode;
    synchronized (LOCK) {
      CoordinateReferenceSystem crs;
      try {
        crs = CRS_FACTORY.createFromName(name);
      } catch (UnknownAuthorityCodeException e) {
        throw new UnknownCrsException(name, name + " is not in the EPSG database", e);
      } catch (RuntimeException e) {
        throw new UnknownCrsException(name, name + " is not supported by proj4j: " + e.getMessage(), e);
      }
      if (crs == null) {
        throw new UnknownCrsException(name, name + " is not in the EPSG database");
      }
      return new Definition(name, crs.getParameterString(), Boolean.TRUE.equals(crs.isGeographic()));
    }
  }

  /**
   * A fresh, unshared transform to WGS 84. Each one is built from the definition text so no proj4j object is shared
   * between transforms that may run on different threads.
   */
  static CoordinateTransform newTransformToWgs84(Definition source) {
    synchronized (LOCK) {
      try {
        CoordinateReferenceSystem from = CRS_FACTORY.createFromParameters(source.name(), source.parameters());
        CoordinateReferenceSystem to = CRS_FACTORY.createFromParameters("EPSG:4326", WGS84_DEFINITION);
        return TRANSFORM_FACTORY.createTransform(from, to);
      } catch (RuntimeException e) {
        throw new UnknownCrsException(source.name(), source.name() + " cannot be transformed by proj4j: "
            + e.getMessage(), e);
      }
    }
  }

  /** A fresh, unshared transform from WGS 84 longitude/latitude to {@code target}. */
  static CoordinateTransform newTransformFromWgs84(Definition target) {
    synchronized (LOCK) {
      try {
        CoordinateReferenceSystem from = CRS_FACTORY.createFromParameters("EPSG:4326", WGS84_DEFINITION);
        CoordinateReferenceSystem to = CRS_FACTORY.createFromParameters(target.name(), target.parameters());
        return TRANSFORM_FACTORY.createTransform(from, to);
      } catch (RuntimeException e) {
        throw new UnknownCrsException(target.name(), target.name() + " cannot be transformed by proj4j: "
            + e.getMessage(), e);
      }
    }
  }

  /** A CRS as proj4j knows it: name, proj4 parameter string, and whether its units are degrees. */
  record Definition(String name, String parameters, boolean geographic) {
    Definition {
      if (name == null || name.isBlank() || parameters == null || parameters.isBlank()) {
        throw new IllegalArgumentException("a proj4 definition needs a name and parameters");
      }
    }
  }
}
