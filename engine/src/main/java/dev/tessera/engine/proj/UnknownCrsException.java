package dev.tessera.engine.proj;

/** A coordinate reference system name whose syntax is not understood or whose EPSG code proj4j does not define. */
public final class UnknownCrsException extends IllegalArgumentException {
  private final String crs;

  UnknownCrsException(String crs, String message, Throwable cause) {
    super(message, cause);
    this.crs = crs;
  }

  UnknownCrsException(String crs, String message) {
    this(crs, message, null);
  }

  /** The CRS name exactly as it was given. */
  public String crs() {
    return crs;
  }
}
