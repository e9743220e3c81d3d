package dev.tessera.server.tiles;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.server.problem.ApiException;

/** Parses z/x/y path segments into a {@link TileCoord}, answering 400 for anything outside WebMercatorQuad. */
final class TileRequest {
  static final int MAX_ZOOM = 22;

  private TileRequest() {}

  static TileCoord parse(String z, String x, String y) {
    int zoom = number("z", z);
    int column = number("x", x);
    int row = number("y", y);
    if (zoom < 0 || zoom > MAX_ZOOM) {
      throw invalid("z", "Zoom " + zoom + " is outside 0.." + MAX_ZOOM + ".");
    }
    long size = 1L << zoom;
    if (column < 0 || column >= size) {
      throw invalid("x", "Column " + column + " is outside 0.." + (size - 1) + " at zoom " + zoom + ".");
    }
    if (row < 0 || row >= size) {
      throw invalid("y", "Row " + row + " is outside 0.." + (size - 1) + " at zoom " + zoom + ".");
    }
    return TileCoord.of(zoom, column, row);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(name, "Tile " + name + " must be a whole number, was '" + value + "'.");
    }
  }

  private static ApiException invalid(String parameter, String detail) {
    return ApiException.badRequest("invalid_tile", detail).with("parameter", parameter);
  }
}
