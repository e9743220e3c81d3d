package dev.tessera.server.places;

import java.util.Locale;

/** The answer's encoding. */
enum PlacesFormat {
  JSON("application/json"),
  GEOJSON("application/geo+json"),
  FGB("application/flatgeobuf");

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
      default ->
          throw PlacesQuery.invalid("format", "Query parameter 'format' must be json, geojson or fgb, not '" + name + "'.");
    };
  }
}
