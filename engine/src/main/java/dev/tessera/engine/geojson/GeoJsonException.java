package dev.tessera.engine.geojson;

/**
 * GeoJSON that Tessera will not accept, located as precisely as possible.
 *
 * <p>{@link #code()} is a stable snake_case identifier, safe to use as an API error code or metric tag:
 *
 * <ul>
 *   <li>{@code malformed_json}: not JSON (with line and column)
 *   <li>{@code invalid_type}: a missing or wrong {@code type} member; a document or {@code features} element that is
 *       not an object; {@code features} that is not an array
 *   <li>{@code invalid_position}: a position that is not an array of 2 or 3 finite numbers, or coordinates nested to
 *       the wrong depth for the geometry type
 *   <li>{@code coordinate_out_of_range}: longitude outside [-180, 180] or latitude outside [-90, 90] after any CRS
 *       transform, or a position the CRS transform cannot handle
 *   <li>{@code invalid_geometry}: too few positions, unclosed rings, a missing or non-array {@code coordinates} or
 *       {@code geometries}, a {@code geometry} that is not an object, or a geometry JTS finds invalid
 *       (self-intersection etc.); invalid geometries are rejected, never repaired
 *   <li>{@code missing_geometry}: a feature without geometry or with {@code "geometry": null}
 *   <li>{@code invalid_properties}: {@code properties} that is neither an object nor null
 *   <li>{@code missing_features}: a FeatureCollection without a {@code features} array
 *   <li>{@code unknown_crs}: a {@code crs} member naming a CRS Tessera cannot transform
 *   <li>{@code crs_after_features}: a non-WGS 84 FeatureCollection {@code crs} after the features were streamed
 * </ul>
 */
public final class GeoJsonException extends RuntimeException {
  public static final String MALFORMED_JSON = "malformed_json";
  public static final String INVALID_TYPE = "invalid_type";
  public static final String INVALID_POSITION = "invalid_position";
  public static final String COORDINATE_OUT_OF_RANGE = "coordinate_out_of_range";
  public static final String INVALID_GEOMETRY = "invalid_geometry";
  public static final String MISSING_GEOMETRY = "missing_geometry";
  public static final String INVALID_PROPERTIES = "invalid_properties";
  public static final String MISSING_FEATURES = "missing_features";
  public static final String UNKNOWN_CRS = "unknown_crs";
  public static final String CRS_AFTER_FEATURES = "crs_after_features";

  private final String code;
  private final String pointer;
  private final long featureIndex;
  private final long line;
  private final long column;

  GeoJsonException(String code, String pointer, long featureIndex, long line, long column, String detail,
      Throwable cause) {
    super(message(detail, pointer, line, column), cause);
    this.code = code;
    this.pointer = pointer;
    this.featureIndex = featureIndex;
    this.line = line;
    this.column = column;
  }

  private static String message(String detail, String pointer, long line, long column) {
    StringBuilder sb = new StringBuilder(detail).append(" (at ");
    sb.append(pointer.isEmpty() ? "the document root" : pointer);
    if (line >= 0) {
      sb.append(", line ").append(line);
      if (column >= 0) {
        sb.append(", column ").append(column);
      }
    }
    return sb.append(')').toString();
  }

  /** Stable snake_case error code, one of the constants of this class. */
  public String code() {
    return code;
  }

  /**
   * RFC 6901 JSON pointer to the offending value, e.g. {@code /features/12/geometry/coordinates/0/3}; "" for the
   * document root or when not applicable.
   */
  public String pointer() {
    return pointer;
  }

  /** 0-based index of the offending feature within the FeatureCollection, or -1. */
  public long featureIndex() {
    return featureIndex;
  }

  /**
   * 1-based line where the problem was detected, or -1 if unknown. Problems with a whole geometry (validity, range,
   * ring closure) are detected at the end of the geometry or feature object; the pointer is the precise location.
   */
  public long line() {
    return line;
  }

  /** 1-based column where the problem was detected, or -1 if unknown. */
  public long column() {
    return column;
  }
}
