package dev.tessera.server.feature;

import dev.tessera.server.problem.ApiException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How to read a CSV upload: the header names the columns; geometry comes from a WKT column or from longitude and
 * latitude columns, named here or found among the usual names; every other column becomes a property.
 *
 * @param lon longitude column, or null to look for lon, lng, long, longitude, x
 * @param lat latitude column, or null to look for lat, latitude, y
 * @param wkt WKT geometry column, or null to look for wkt, geometry, geom, the_geom (used when present)
 * @param delimiter the field separator
 * @param charset the text encoding
 * @param skipInvalid leave bad rows out and count them instead of failing the import
 */
public record CsvOptions(String lon, String lat, String wkt, char delimiter, Charset charset, boolean skipInvalid) {
  static final List<String> LON_NAMES = List.of("lon", "lng", "long", "longitude", "x");
  static final List<String> LAT_NAMES = List.of("lat", "latitude", "y");
  static final List<String> WKT_NAMES = List.of("wkt", "geometry", "geom", "the_geom");

  public static CsvOptions defaults() {
    return new CsvOptions(null, null, null, ',', StandardCharsets.UTF_8, false);
  }

  /** From request parameters; {@code delimiter} may be one character or {@code tab}. */
  public static CsvOptions of(
      String lon, String lat, String wkt, String delimiter, String encoding, boolean skipInvalid) {
    char d = ',';
    if (delimiter != null && !delimiter.isEmpty()) {
      if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
        d = '\t';
      } else if (delimiter.length() == 1 && delimiter.charAt(0) != '"' && delimiter.charAt(0) != '\n') {
        d = delimiter.charAt(0);
      } else {
        throw ApiException.badRequest("invalid_parameter", "Parameter 'delimiter' must be one character or 'tab'.")
            .with("parameter", "delimiter");
      }
    }
    Charset charset = StandardCharsets.UTF_8;
    if (encoding != null && !encoding.isBlank()) {
      try {
        charset = Charset.forName(encoding.trim());
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("invalid_parameter", "Unknown encoding '" + encoding + "'.")
            .with("parameter", "encoding");
      }
    }
    return new CsvOptions(blankToNull(lon), blankToNull(lat), blankToNull(wkt), d, charset, skipInvalid);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
