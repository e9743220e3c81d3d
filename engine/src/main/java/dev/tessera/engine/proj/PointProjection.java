package dev.tessera.engine.proj;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms coordinate arrays between WGS 84 longitude/latitude and one EPSG CRS, in either direction, for raster
 * warping (many points per call, no geometry objects). Instances are cached per code and direction; thread-safe:
 * each call borrows one of a pool of proj4j transforms, which keep scratch state.
 */
public final class PointProjection {
  private static final ConcurrentHashMap<Integer, PointProjection> FROM_WGS84 = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Integer, PointProjection> TO_WGS84 = new ConcurrentHashMap<>();

  private final Proj4.Definition definition;
  private final boolean fromWgs84;
  private final ConcurrentLinkedQueue<CoordinateTransform> pool = new ConcurrentLinkedQueue<>();

  private PointProjection(Proj4.Definition definition, boolean fromWgs84) {
    this.definition = definition;
    this.fromWgs84 = fromWgs84;
    pool.offer(newTransform()); // fails here, at lookup, for a CRS proj4j cannot transform
  }

  /**
   * From longitude/latitude to EPSG:{@code code}.
   *
   * @throws UnknownCrsException if proj4j does not know or cannot transform the code
   */
  public static PointProjection fromWgs84(int code) {
    return FROM_WGS84.computeIfAbsent(code, c -> new PointProjection(Proj4.definition(c), true));
  }

  /** From EPSG:{@code code} to longitude/latitude. */
  public static PointProjection toWgs84(int code) {
    return TO_WGS84.computeIfAbsent(code, c -> new PointProjection(Proj4.definition(c), false));
  }

  /** Transforms the first {@code n} points of {@code xs}/{@code ys} in place; NaN where the projection fails. */
  public void transform(double[] xs, double[] ys, int n) {
    CoordinateTransform transform = pool.poll();
    if (transform == null) {
      transform = newTransform();
    }
    ProjCoordinate in = new ProjCoordinate();
    ProjCoordinate out = new ProjCoordinate();
    try {
      for (int i = 0; i < n; i++) {
        in.x = xs[i];
        in.y = ys[i];
        try {
          transform.transform(in, out);
          xs[i] = out.x;
          ys[i] = out.y;
        } catch (RuntimeException e) {
          xs[i] = Double.NaN;
          ys[i] = Double.NaN;
        }
      }
    } finally {
      pool.offer(transform);
    }
  }

  private CoordinateTransform newTransform() {
    return fromWgs84 ? Proj4.newTransformFromWgs84(definition) : Proj4.newTransformToWgs84(definition);
  }
}
