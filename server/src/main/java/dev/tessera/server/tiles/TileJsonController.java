package dev.tessera.server.tiles;

import dev.tessera.server.http.ETags;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerService;
import dev.tessera.server.security.Caller;
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

/**
 * TileJSON 3.0.0 for any layer with a {@link TileSource}, with the layer version in the tile URL so tiles may be
 * cached long. Bounds, zooms and vector layers come from the source (the vector index, an archive's header and
 * metadata).
 */
@RestController
class TileJsonController {
  private static final List<Double> WORLD = List.of(-180.0, -85.051129, 180.0, 85.051129);

  private final LayerService layers;
  private final TileSources sources;

  TileJsonController(LayerService layers, TileSources sources) {
    this.layers = layers;
    this.sources = sources;
  }

  @GetMapping("/api/layers/{id}/tilejson.json")
  ResponseEntity<Map<String, Object>> tileJson(Caller caller, @PathVariable UUID id) {
    Layer layer = layers.visible(caller, id);
    TileSource source = sources.of(layer);
    TileSetInfo info = source.info();
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    Envelope b = info.bounds();
    List<Double> bounds =
        b == null || b.isNull() ? WORLD : List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tilejson", "3.0.0");
    json.put("name", layer.name());
    json.put("description", layer.description());
    json.put("version", "1.0." + layer.version());
    json.put("scheme", "xyz");
    json.put(
        "tiles",
        List.of(
            base + "/api/layers/" + id + "/tiles/{z}/{x}/{y}." + source.format().extension() + "?v="
                + layer.version()));
    json.put("minzoom", info.minZoom());
    json.put("maxzoom", info.maxZoom());
    json.put("bounds", bounds);
    int centerZoom = Math.clamp(2, info.minZoom(), info.maxZoom());
    json.put("center", List.of((bounds.get(0) + bounds.get(2)) / 2, (bounds.get(1) + bounds.get(3)) / 2, centerZoom));
    if (info.vectorLayers() != null) {
      json.put("vector_layers", info.vectorLayers());
    }
    return ResponseEntity.ok().eTag(ETags.of(layer.version())).body(json);
  }
}
