package dev.tessera.server.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one tile matrix set Tessera tiles in: WebMercatorQuad, as OGC Two Dimensional Tile Matrix Set 2.0 JSON. */
final class OgcTileMatrixSets {
  static final String ID = "WebMercatorQuad";
  static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
  static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
  static final int MAX_ZOOM = 22;
  private static final double ORIGIN = 20037508.3427892;
  /** Metres per pixel at zoom 0 for 256-pixel tiles. */
  private static final double CELL_SIZE_Z0 = 2 * ORIGIN / 256;
  /** The OGC standard rendering pixel: 0.28 mm. */
  private static final double PIXEL_METRES = 0.00028;

  private OgcTileMatrixSets() {}

  static Map<String, Object> webMercatorQuad() {
    List<Map<String, Object>> matrices = new ArrayList<>();
    for (int z = 0; z <= MAX_ZOOM; z++) {
      double cellSize = CELL_SIZE_Z0 / (1L << z);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", String.valueOf(z));
      m.put("scaleDenominator", cellSize / PIXEL_METRES);
      m.put("cellSize", cellSize);
      m.put("cornerOfOrigin", "topLeft");
      m.put("pointOfOrigin", List.of(-ORIGIN, ORIGIN));
      m.put("tileWidth", 256);
      m.put("tileHeight", 256);
      m.put("matrixWidth", 1L << z);
      m.put("matrixHeight", 1L << z);
      matrices.add(m);
    }
    Map<String, Object> tms = new LinkedHashMap<>();
    tms.put("id", ID);
    tms.put("title", "Google Maps Compatible for the World");
    tms.put("uri", URI);
    tms.put("crs", CRS);
    tms.put("orderedAxes", List.of("X", "Y"));
    tms.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
    tms.put("tileMatrices", matrices);
    return tms;
  }
}
