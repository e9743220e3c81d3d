package dev.tessera.server.places;

import java.util.Locale;

/** The answer's encoding. */
enum PlacesFormat {
  JSON("application/json"),
  GEOJSON("application/geo+json"),
  FGB("application/flatgeobuf"),
  ARROW("application/vnd.apache.arrow.stream");

  final String mediaType;

  PlacesFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  static PlacesFormat of(String name) {
    if (name == null || name.isBlank()) {
      return JSON;
    }
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "json" -> JSON;
      case "geojson" -> GEOJSON;
      case "fgb", "flatgeobuf" -> FGB;
      case "arrow" -> ARROW;
      default ->
          throw PlacesQuery.invalid("format", "Query parameter 'format' must be json, geojson, fgb or arrow, not '" + name + "'.");
    };
  }
}
