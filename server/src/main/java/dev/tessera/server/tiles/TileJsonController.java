package dev.tessera.server.tiles;

import dev.tessera.engine.vector.VectorTileIndex;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerService;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import dev.tessera.server.tiles.vector.VectorLayerIndexes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** TileJSON 3.0.0 for a vector layer, with the layer version in the tile URL so tiles may be cached long. */
@RestController
class TileJsonController {
  private final LayerService layers;
  private final VectorLayerIndexes indexes;

  TileJsonController(LayerService layers, VectorLayerIndexes indexes) {
    this.layers = layers;
    this.indexes = indexes;
  }

  @GetMapping("/api/layers/{id}/tilejson.json")
  ResponseEntity<Map<String, Object>> tileJson(Caller caller, @PathVariable UUID id) {
    Layer layer = layers.visible(caller, id);
    if (layer.sourceType() != SourceType.VECTOR) {
      throw ApiException.badRequest(
          "unsupported_tile_format", "TileJSON is served for vector layers; layer " + id + " is " + layer.sourceType().value() + ".");
    }
    VectorTileIndex index = indexes.index(layer);
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    Envelope b = index.bounds();
    List<Double> bounds =
        b == null || b.isNull() ? List.of(-180.0, -85.051129, 180.0, 85.051129) : List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    Map<String, Object> vectorLayer = new LinkedHashMap<>();
    vectorLayer.put("id", layer.name());
    vectorLayer.put("description", layer.description() == null ? "" : layer.description());
    vectorLayer.put("minzoom", 0);
    vectorLayer.put("maxzoom", TileRequest.MAX_ZOOM);
    vectorLayer.put("fields", index.fields());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tilejson", "3.0.0");
    json.put("name", layer.name());
    json.put("description", layer.description());
    json.put("version", "1.0." + layer.version());
    json.put("scheme", "xyz");
    json.put("tiles", List.of(base + "/api/layers/" + id + "/tiles/{z}/{x}/{y}.mvt?v=" + layer.version()));
    json.put("minzoom", 0);
    json.put("maxzoom", TileRequest.MAX_ZOOM);
    json.put("bounds", bounds);
    json.put(
        "center",
        List.of((bounds.get(0) + bounds.get(2)) / 2, (bounds.get(1) + bounds.get(3)) / 2, 2));
    json.put("vector_layers", List.of(vectorLayer));
    return ResponseEntity.ok().eTag(dev.tessera.server.http.ETags.of(layer.version())).body(json);
  }
}
