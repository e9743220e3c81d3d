package dev.tessera.server.style;

import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerService;
import dev.tessera.server.map.MapService;
import dev.tessera.server.map.MapView;
import dev.tessera.server.security.Caller;
import dev.tessera.server.security.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code GET /api/maps/{id}/style.json}: the map as a MapLibre style any MapLibre client renders. */
@RestController
class MapStyleController {
  private final MapService maps;
  private final LayerService layers;

  MapStyleController(MapService maps, LayerService layers) {
    this.maps = maps;
    this.layers = layers;
  }

  @GetMapping("/api/maps/{id}/style.json")
  ResponseEntity<Map<String, Object>> style(Caller caller, @PathVariable UUID id) {
    MapView map = maps.get(caller, id);
    List<Layer> mapLayers = map.layers().stream().map(l -> layers.visible(caller, l.layerId())).toList();
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    // The style changes with the map and with any of its layers: tag it with all their versions.
    StringBuilder versions = new StringBuilder("m" + map.version());
    mapLayers.forEach(l -> versions.append(',').append(l.id()).append(':').append(l.version()));
    String etag = "\"s" + Tokens.hash(versions.toString()).substring(0, 20) + "\"";
    return ResponseEntity.ok().eTag(etag).body(MapStyleBuilder.build(map, mapLayers, base));
  }
}
