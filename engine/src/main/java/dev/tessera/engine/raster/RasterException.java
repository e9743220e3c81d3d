package dev.tessera.engine.raster;

/**
 * A raster cannot be read or rendered. {@link Kind} says whose fault it is: the file (corrupt or truncated), a feature
 * the reader does not implement, the byte source (I/O), or the caller's request (bad parameter).
 */
public class RasterException extends RuntimeException {
  /** Why reading or rendering failed. */
  public enum Kind {
    CORRUPT,
    UNSUPPORTED,
    IO,
    BAD_REQUEST
  }

  private final Kind kind;
  private final String parameter;

  RasterException(Kind kind, String message, String parameter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.parameter = parameter;
  }

  static RasterException corrupt(String message) {
    return new RasterException(Kind.CORRUPT, message, null, null);
  }

  static RasterException unsupported(String message) {
    return new RasterException(Kind.UNSUPPORTED, message, null, null);
  }

  /** The byte source failed (I/O, HTTP). */
  public static RasterException io(String message, Throwable cause) {
    return new RasterException(Kind.IO, message, null, cause);
  }

  /** A request parameter ({@code parameter}) has a bad value. */
  public static RasterException badParameter(String parameter, String message) {
    return new RasterException(Kind.BAD_REQUEST, message, parameter, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The request parameter at fault, for {@link Kind#BAD_REQUEST}; null otherwise. */
  public String parameter() {
    return parameter;
  }
}
