package dev.tessera.engine.tile;

/**
 * Spherical Web Mercator (EPSG:3857) as the unit square: {@code x} grows east from 0 at 180°W to 1 at 180°E and
 * {@code y} grows south from 0 at {@link #MAX_LATITUDE} to 1 at its negative, the orientation of the WebMercatorQuad
 * tile matrix set (tile row 0 is the northernmost). Working in the unit square lets tile maths be a multiplication by
 * {@code 2^z}, without the sphere's radius.
 *
 * <p>Stateless and thread-safe.
 */
public final class WebMercator {
  /** The latitude at which the square closes: {@code atan(sinh(π))} in degrees. Beyond it latitudes are clamped. */
  public static final double MAX_LATITUDE = 85.05112878;

  /** Width of the world in EPSG:3857 metres ({@code 2π × 6378137}), for converting unit-square lengths to metres. */
  public static final double WORLD_SIZE_METRES = 2 * Math.PI * 6378137.0;

  private WebMercator() {}

  /** Unit-square x of a longitude in degrees; longitudes outside ±180 map outside [0, 1] (the caller wraps). */
  public static double x(double lon) {
    return lon / 360.0 + 0.5;
  }

  /** Unit-square y of a latitude in degrees, clamped to [0, 1] by clamping the latitude to ±{@link #MAX_LATITUDE}. */
  public static double y(double lat) {
    double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
    double sin = Math.sin(Math.toRadians(clamped));
    double y = 0.5 - 0.25 * Math.log((1 + sin) / (1 - sin)) / Math.PI;
    return y < 0 ? 0 : y > 1 ? 1 : y;
  }

  /** Longitude in degrees of a unit-square x. */
  public static double lon(double x) {
    return (x - 0.5) * 360.0;
  }

  /** Latitude in degrees of a unit-square y (0 gives {@link #MAX_LATITUDE}, 1 its negative). */
  public static double lat(double y) {
    return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y))));
  }
}
