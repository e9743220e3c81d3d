package dev.tessera.server.tiles.cog;

import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.RecentLayers;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/layers/{id}/cog}: the COG file itself, for {@code delivery: direct} layers rendered in the browser
 * (geotiff.js and the like). A local file is served with HTTP range requests (Spring answers {@code Range} with 206
 * and {@code Content-Range}); CORS lets other origins send {@code Range} and read the range headers. A remote COG is
 * a 303 to its URL, which the client reads directly. Same permission check as the tiles (404 when hidden).
 */
@RestController
class CogFileController {
  private final RecentLayers layers;
  private final CogSources sources;

  CogFileController(RecentLayers layers, CogSources sources) {
    this.layers = layers;
    this.sources = sources;
  }

  @GetMapping("/api/layers/{id}/cog")
  ResponseEntity<Resource> cog(Caller caller, @PathVariable UUID id, @RequestParam(required = false) String time) {
    Layer layer = layers.visible(caller, id);
    if (layer.sourceType() != SourceType.GEOTIFF) {
      throw ApiException.badRequest("unsupported_layer_type",
          "Layer " + id + " is a " + layer.sourceType().value() + " layer; /cog serves geotiff layers.");
    }
    String location = CogSources.location(layer.sourceConfig(), time);
    if (location.contains("://")) {
      return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
    }
    Path path = sources.localFile(location);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("image/tiff; application=geotiff; profile=cloud-optimized"))
        .cacheControl(CacheControl.noCache())
        .header("Accept-Ranges", "bytes")
        .body(new FileSystemResource(path));
  }
}
