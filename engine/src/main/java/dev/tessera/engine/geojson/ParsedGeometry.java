package dev.tessera.engine.geojson;

import dev.tessera.engine.proj.Crs;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A geometry as read, before CRS transform and validity checks.
 *
 * @param geometry structurally checked geometry in source coordinates
 * @param crs the geometry's own (GeoJSON 2008) crs member, or null
 */
record ParsedGeometry(Geometry geometry, Crs crs) {
  ParsedGeometry {
    Objects.requireNonNull(geometry, "geometry");
  }
}
