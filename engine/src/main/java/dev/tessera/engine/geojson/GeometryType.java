package dev.tessera.engine.geojson;

/** The GeoJSON geometry types, with their case-sensitive names. */
enum GeometryType {
  POINT("Point"),
  MULTI_POINT("MultiPoint"),
  LINE_STRING("LineString"),
  MULTI_LINE_STRING("MultiLineString"),
  POLYGON("Polygon"),
  MULTI_POLYGON("MultiPolygon"),
  GEOMETRY_COLLECTION("GeometryCollection");

  static final String NAMES =
      "Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection";

  private final String jsonName;

  GeometryType(String jsonName) {
    this.jsonName = jsonName;
  }

  String jsonName() {
    return jsonName;
  }

  /** The type named exactly {@code name}, or null. */
  static GeometryType of(String name) {
    for (GeometryType t : values()) {
      if (t.jsonName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
