package dev.tessera.server.map;

import dev.tessera.server.http.ETags;
import dev.tessera.server.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/maps")
class MapController {
  private final MapService maps;

  MapController(MapService maps) {
    this.maps = maps;
  }

  @GetMapping
  List<WebMap> list(Caller caller) {
    return maps.list(caller);
  }

  @PostMapping
  ResponseEntity<MapView> create(Caller caller, @Valid @RequestBody MapInput input) {
    MapView created = maps.create(caller, input);
    return ResponseEntity.created(URI.create("/api/maps/" + created.id()))
        .eTag(ETags.of(created.version()))
        .body(created);
  }

  @GetMapping("/{id}")
  ResponseEntity<MapView> get(Caller caller, @PathVariable UUID id) {
    return withETag(maps.get(caller, id));
  }

  @PutMapping("/{id}")
  ResponseEntity<MapView> update(
      Caller caller,
      @PathVariable UUID id,
      @Valid @RequestBody MapInput input,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return withETag(maps.update(caller, id, input, ifMatch));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    maps.delete(caller, id, ifMatch);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/layers")
  ResponseEntity<MapView> addLayer(Caller caller, @PathVariable UUID id, @Valid @RequestBody MapLayerInput input) {
    MapView map = maps.addLayer(caller, id, input);
    return ResponseEntity.created(URI.create("/api/maps/" + id + "/layers/" + input.layerId()))
        .eTag(ETags.of(map.version()))
        .body(map);
  }

  @PutMapping("/{id}/layers/reorder")
  ResponseEntity<MapView> reorder(Caller caller, @PathVariable UUID id, @Valid @RequestBody ReorderInput input) {
    return withETag(maps.reorder(caller, id, input));
  }

  @PutMapping("/{id}/layers/{layerId}")
  ResponseEntity<MapView> updateLayer(
      Caller caller, @PathVariable UUID id, @PathVariable UUID layerId, @Valid @RequestBody MapLayerInput input) {
    return withETag(maps.updateLayer(caller, id, layerId, input));
  }

  @DeleteMapping("/{id}/layers/{layerId}")
  ResponseEntity<Void> removeLayer(Caller caller, @PathVariable UUID id, @PathVariable UUID layerId) {
    maps.removeLayer(caller, id, layerId);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<MapView> withETag(MapView map) {
    return ResponseEntity.ok().eTag(ETags.of(map.version())).body(map);
  }
}
