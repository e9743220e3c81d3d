package dev.tessera.engine.proj;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms JTS geometries from one CRS to EPSG:4326 longitude/latitude. Input x is easting/longitude and y is
 * northing/latitude for every CRS (GeoJSON practice), output x is longitude and y latitude in degrees.
 *
 * <p>Thread-safe and reusable. proj4j's {@code CoordinateTransform} keeps scratch state, so each call borrows one from
 * a small pool instead of sharing it; a pool rather than a ThreadLocal because request threads may be virtual threads
 * that are never reused.
 *
 * <p>Positions proj4j cannot transform (outside the projection's domain, or outside ±180/±90 for a geographic source)
 * become NaN rather than failing the whole geometry, so that callers can report exactly which position was bad.
 * Beware that proj4j clamps some out-of-domain inputs instead of failing (e.g. Web Mercator x beyond the world edge
 * gives longitude ±180).
 */
public final class GeometryTransform {
  private final Crs source;
  private final Proj4.Definition definition;
  private final ConcurrentLinkedQueue<CoordinateTransform> pool = new ConcurrentLinkedQueue<>();

  /** Builds the first proj4j transform at once, so a CRS proj4j cannot transform fails when it is looked up. */
  GeometryTransform(Crs source, Proj4.Definition definition) {
    this.source = source;
    this.definition = definition;
    if (definition != null) {
      pool.offer(Proj4.newTransformToWgs84(definition));
    }
  }

  /** The CRS this transform reads. */
  public Crs source() {
    return source;
  }

  /** True when the source is already WGS 84 and coordinates are left untouched. */
  public boolean isIdentity() {
    return definition == null;
  }

  /** A transformed copy of {@code geometry} with SRID 4326; the argument is not modified. */
  public Geometry transform(Geometry geometry) {
    Geometry copy = geometry.copy();
    transformInPlace(copy);
    return copy;
  }

  /** Transforms the coordinates of {@code geometry} in place and sets its SRID to 4326. */
  public void transformInPlace(Geometry geometry) {
    if (definition != null && !geometry.isEmpty()) {
      CoordinateTransform transform = borrow();
      try {
        geometry.apply(new Filter(transform, definition.geographic()));
      } finally {
        pool.offer(transform);
      }
    }
    geometry.setSRID(Crs.WGS84_CODE);
  }

  private CoordinateTransform borrow() {
    CoordinateTransform transform = pool.poll();
    return transform != null ? transform : Proj4.newTransformToWgs84(definition);
  }

  @Override
  public String toString() {
    return "GeometryTransform[" + source + " -> EPSG:4326]";
  }

  /** Applies one borrowed proj4j transform to every coordinate, reusing its two scratch coordinates. */
  private static final class Filter implements CoordinateSequenceFilter {
    private final CoordinateTransform transform;
    private final boolean geographicSource;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    Filter(CoordinateTransform transform, boolean geographicSource) {
      this.transform = transform;
      this.geographicSource = geographicSource;
    }

    @Override
    public void filter(CoordinateSequence seq, int i) {
      double x = seq.getX(i);
      double y = seq.getY(i);
      double lon = Double.NaN;
      double lat = Double.NaN;
      // proj4j silently clamps out-of-range degrees, so check geographic input before it gets the chance.
      boolean inDomain = !geographicSource || (Math.abs(x) <= 180 && Math.abs(y) <= 90);
      if (inDomain && Double.isFinite(x) && Double.isFinite(y)) {
        in.x = x;
        in.y = y;
        in.z = Double.NaN;
        try {
          transform.transform(in, out);
          lon = out.x;
          lat = out.y;
        } catch (RuntimeException e) {
          // Outside the projection's domain: left as NaN for the caller to report with its position.
        }
      }
      seq.setOrdinate(i, CoordinateSequence.X, lon);
      seq.setOrdinate(i, CoordinateSequence.Y, lat);
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
