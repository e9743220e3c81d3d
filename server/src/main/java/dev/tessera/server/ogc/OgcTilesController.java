package dev.tessera.server.ogc;

import static dev.tessera.server.ogc.OgcLinks.JSON;

import dev.tessera.server.feature.VectorLayerStats;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import dev.tessera.server.tiles.TileResponder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API – Tiles 1.0 for the vector layers: tile matrix sets, each collection's tileset list and WebMercatorQuad
 * tileset, and the tiles themselves (served by the same {@link TileResponder} as {@code /api/layers/{id}/tiles}, so
 * permissions, caching and ETags are identical). Note the OGC order: {tileMatrix}/{tileRow}/{tileCol} = z/y/x.
 */
@RestController
@RequestMapping("/ogc")
class OgcTilesController {
  static final String MVT = "application/vnd.mapbox-vector-tile";
  private static final String TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";

  private final OgcCollections collections;
  private final TileResponder tiles;

  OgcTilesController(OgcCollections collections, TileResponder tiles) {
    this.collections = collections;
    this.tiles = tiles;
  }

  @GetMapping("/tileMatrixSets")
  Map<String, Object> tileMatrixSets(HttpServletRequest request) {
    OgcParams.requireKnown(request, Set.of());
    OgcLinks links = OgcLinks.of(request);
    String href = links.landing() + "/tileMatrixSets/" + OgcTileMatrixSets.ID;
    return Map.of(
        "tileMatrixSets",
        List.of(
            Map.of(
                "id", OgcTileMatrixSets.ID,
                "title", "Google Maps Compatible for the World",
                "uri", OgcTileMatrixSets.URI,
                "links", List.of(link(href, "self", JSON)))));
  }

  @GetMapping("/tileMatrixSets/{tileMatrixSetId}")
  Map<String, Object> tileMatrixSet(@PathVariable String tileMatrixSetId, HttpServletRequest request) {
    OgcParams.requireKnown(request, Set.of());
    requireWebMercatorQuad(tileMatrixSetId);
    return OgcTileMatrixSets.webMercatorQuad();
  }

  @GetMapping("/collections/{collectionId}/tiles")
  Map<String, Object> tilesets(Caller caller, @PathVariable UUID collectionId, HttpServletRequest request) {
    OgcParams.requireKnown(request, Set.of());
    Layer layer = collections.visible(caller, collectionId);
    OgcLinks links = OgcLinks.of(request);
    Map<String, Object> tileset = new LinkedHashMap<>(summary(layer, links));
    return Map.of(
        "links", List.of(link(OgcLinks.requested(request), "self", JSON)),
        "tilesets", List.of(tileset));
  }

  @GetMapping("/collections/{collectionId}/tiles/{tileMatrixSetId}")
  Map<String, Object> tileset(
      Caller caller, @PathVariable UUID collectionId, @PathVariable String tileMatrixSetId, HttpServletRequest request) {
    OgcParams.requireKnown(request, Set.of());
    requireWebMercatorQuad(tileMatrixSetId);
    Layer layer = collections.visible(caller, collectionId);
    OgcLinks links = OgcLinks.of(request);
    Map<String, Object> tileset = new LinkedHashMap<>(summary(layer, links));
    tileset.put("layers", List.of(Map.of("id", layer.name(), "dataType", "vector")));
    Envelope bounds = VectorLayerStats.bounds(layer.sourceConfig());
    if (bounds != null) {
      tileset.put(
          "boundingBox",
          Map.of(
              "lowerLeft", List.of(bounds.getMinX(), bounds.getMinY()),
              "upperRight", List.of(bounds.getMaxX(), bounds.getMaxY()),
              "crs", OgcDocuments.CRS84));
    }
    return tileset;
  }

  @GetMapping("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
  ResponseEntity<byte[]> tile(
      Caller caller,
      @PathVariable UUID collectionId,
      @PathVariable String tileMatrixSetId,
      @PathVariable String tileMatrix,
      @PathVariable String tileRow,
      @PathVariable String tileCol,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
      @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
      HttpServletRequest request) {
    OgcParams.requireKnown(request, Set.of("f"));
    requireWebMercatorQuad(tileMatrixSetId);
    collections.visible(caller, collectionId);
    return tiles.respond(caller, collectionId, tileMatrix, tileCol, tileRow, "mvt", null, ifNoneMatch, acceptEncoding);
  }

  private static Map<String, Object> summary(Layer layer, OgcLinks links) {
    String base = links.collection(layer.id()) + "/tiles/" + OgcTileMatrixSets.ID;
    Map<String, Object> tileset = new LinkedHashMap<>();
    tileset.put("title", layer.name());
    tileset.put("dataType", "vector");
    tileset.put("crs", OgcTileMatrixSets.CRS);
    tileset.put("tileMatrixSetURI", OgcTileMatrixSets.URI);
    Map<String, Object> item = new LinkedHashMap<>(link(base + "/{tileMatrix}/{tileRow}/{tileCol}", "item", MVT));
    item.put("templated", true);
    tileset.put(
        "links",
        List.of(
            link(base, "self", JSON),
            link(links.landing() + "/tileMatrixSets/" + OgcTileMatrixSets.ID, TILING_SCHEME, JSON),
            item));
    return tileset;
  }

  private static Map<String, Object> link(String href, String rel, String type) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("href", href);
    link.put("rel", rel);
    link.put("type", type);
    return link;
  }

  private static void requireWebMercatorQuad(String id) {
    if (!OgcTileMatrixSets.ID.equals(id)) {
      throw ApiException.notFound("tile matrix set", id).with("supported", List.of(OgcTileMatrixSets.ID));
    }
  }
}
