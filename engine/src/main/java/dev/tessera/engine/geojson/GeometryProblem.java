package dev.tessera.engine.geojson;

/**
 * A geometry failure found after parsing, located by a JSON pointer relative to the geometry object (e.g.
 * {@code /coordinates/0/3}). The parsing layer, which knows where the geometry sits in the document, turns it into a
 * {@link GeoJsonException}. No stack trace: it is control flow, not a bug.
 */
final class GeometryProblem extends RuntimeException {
  private final String code;
  private final String pointer;

  GeometryProblem(String code, String pointer, String message) {
    super(message, null, false, false);
    this.code = code;
    this.pointer = pointer;
  }

  String code() {
    return code;
  }

  String pointer() {
    return pointer;
  }
}
