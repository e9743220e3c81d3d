package dev.tessera.server.feature;

import dev.tessera.server.problem.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The upload formats a feature import reads, chosen by Content-Type (GeoJSON when none is given). */
public enum ImportFormat {
  GEOJSON,
  CSV,
  PARQUET;

  public static ImportFormat of(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return GEOJSON;
    }
    MediaType media;
    try {
      media = MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException e) {
      throw unsupported(contentType);
    }
    String subtype = media.getSubtype();
    if (subtype.equals("json") || subtype.endsWith("+json")) {
      return GEOJSON;
    }
    if (media.getType().equals("text") && subtype.equals("csv")) {
      return CSV;
    }
    if (subtype.equals("vnd.apache.parquet") || subtype.equals("x-parquet")) {
      return PARQUET;
    }
    throw unsupported(contentType);
  }

  /** The charset parameter of a Content-Type, or null. */
  static String charset(String contentType) {
    try {
      var charset = MediaType.parseMediaType(contentType).getCharset();
      return charset == null ? null : charset.name();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ApiException unsupported(String type) {
    return new ApiException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        "Send features as application/geo+json, text/csv or application/vnd.apache.parquet (GeoParquet), not "
            + type + ".");
  }
}
