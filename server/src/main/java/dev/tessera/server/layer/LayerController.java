package dev.tessera.server.layer;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/layers")
class LayerController {
  private final LayerService layers;

  LayerController(LayerService layers) {
    this.layers = layers;
  }

  @GetMapping
  List<Layer> list(
      Caller caller,
      @RequestParam(name = "source_type", required = false) SourceType sourceType,
      @RequestParam(required = false) String category,
      @RequestParam(name = "is_global", required = false) Boolean isGlobal) {
    return layers.list(caller, new LayerFilter(sourceType, category, isGlobal));
  }

  @PostMapping
  ResponseEntity<Layer> create(Caller caller, @Valid @RequestBody LayerInput input) {
    Layer layer = layers.create(caller, input);
    return ResponseEntity.created(URI.create("/api/layers/" + layer.id())).eTag(ETags.of(layer.version())).body(layer);
  }

  @GetMapping("/{id}")
  ResponseEntity<Layer> get(Caller caller, @PathVariable UUID id) {
    Layer layer = layers.get(caller, id);
    return ResponseEntity.ok().eTag(ETags.of(layer.version())).body(layer);
  }

  @PutMapping("/{id}")
  ResponseEntity<Layer> update(
      Caller caller,
      @PathVariable UUID id,
      @Valid @RequestBody LayerInput input,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Layer layer = layers.update(caller, id, input, ifMatch);
    return ResponseEntity.ok().eTag(ETags.of(layer.version())).body(layer);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    layers.delete(caller, id, ifMatch);
    return ResponseEntity.noContent().build();
  }
}
