package dev.tessera.engine.proj;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A coordinate reference system identified by an EPSG code, with its transform to WGS 84 (EPSG:4326).
 *
 * <p>Axis order: Tessera follows GeoJSON practice and treats x as easting/longitude and y as northing/latitude for
 * every CRS, including EPSG:4326, so EPSG:4326 and OGC CRS84 are the same {@code Crs}.
 *
 * <p>Instances are cached per code because building proj4j definitions is slow; they are immutable and thread-safe.
 */
public final class Crs {
  static final int WGS84_CODE = 4326;
  private static final ConcurrentHashMap<Integer, Crs> CACHE = new ConcurrentHashMap<>();
  private static final Crs WGS84 = new Crs(WGS84_CODE, null);

  static {
    CACHE.put(WGS84_CODE, WGS84);
  }

  private final int epsgCode;
  private final GeometryTransform toWgs84;

  private Crs(int epsgCode, Proj4.Definition definition) {
    this.epsgCode = epsgCode;
    this.toWgs84 = new GeometryTransform(this, definition);
  }

  /**
   * Parses {@code EPSG:n} (any case), {@code urn:ogc:def:crs:EPSG:[version]:n}, {@code urn:ogc:def:crs:OGC:1.3:CRS84},
   * {@code CRS84}, {@code http(s)://www.opengis.net/def/crs/EPSG/0/n} and
   * {@code http(s)://www.opengis.net/def/crs/OGC/1.3/CRS84}.
   *
   * @throws UnknownCrsException if the syntax is not one of those or proj4j does not define the code
   */
  public static Crs parse(String name) {
    Objects.requireNonNull(name, "name");
    int code = CrsNames.epsgCode(name);
    try {
      return epsg(code);
    } catch (UnknownCrsException e) {
      throw new UnknownCrsException(name, "Unknown coordinate reference system '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * The CRS for an EPSG code.
   *
   * @throws UnknownCrsException if proj4j does not define the code
   */
  public static Crs epsg(int code) {
    Crs cached = CACHE.get(code);
    if (cached != null) {
      return cached;
    }
    if (code <= 0) {
      throw new UnknownCrsException("EPSG:" + code, "EPSG:" + code + " is not a valid EPSG code");
    }
    // Failures are not cached: computeIfAbsent stores nothing when the function throws.
    return CACHE.computeIfAbsent(code, c -> new Crs(c, Proj4.definition(c)));
  }

  /** EPSG:4326, read as longitude/latitude. */
  public static Crs wgs84() {
    return WGS84;
  }

  /** The EPSG code; 4326 for CRS84. */
  public int epsgCode() {
    return epsgCode;
  }

  /** {@code "EPSG:" + epsgCode()}. */
  public String name() {
    return "EPSG:" + epsgCode;
  }

  /** True for EPSG:4326 / CRS84, whose coordinates need no transform. */
  public boolean isWgs84() {
    return epsgCode == WGS84_CODE;
  }

  /** The (shared, thread-safe) transform from this CRS to EPSG:4326 longitude/latitude. */
  public GeometryTransform toWgs84() {
    return toWgs84;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Crs other && other.epsgCode == epsgCode;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(epsgCode);
  }

  @Override
  public String toString() {
    return name();
  }
}
