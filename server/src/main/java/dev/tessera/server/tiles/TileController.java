package dev.tessera.server.tiles;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.http.ETags;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerService;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import dev.tessera.server.tiles.vector.VectorLayerIndexes;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/layers/{id}/tiles/{z}/{x}/{y}.mvt}: permission check, cache lookup keyed on the layer version,
 * render on a miss, and HTTP caching (ETag from the version, 304, gzip when accepted). A URL carrying the current
 * version ({@code ?v=}, as TileJSON writes it) may be cached long; without it clients revalidate.
 */
@RestController
class TileController {
  static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

  private final LayerService layers;
  private final TileCache cache;
  private final VectorLayerIndexes vectorIndexes;
  private final TileMetrics metrics;
  private final Duration maxAge;

  TileController(
      LayerService layers,
      TileCache cache,
      VectorLayerIndexes vectorIndexes,
      TileMetrics metrics,
      TesseraProperties properties) {
    this.layers = layers;
    this.cache = cache;
    this.vectorIndexes = vectorIndexes;
    this.metrics = metrics;
    this.maxAge = Duration.ofSeconds(properties.tiles().maxAgeSeconds());
  }

  @GetMapping("/api/layers/{id}/tiles/{z}/{x}/{y}.{format}")
  ResponseEntity<byte[]> tile(
      Caller caller,
      @PathVariable UUID id,
      @PathVariable String z,
      @PathVariable String x,
      @PathVariable String y,
      @PathVariable String format,
      @RequestParam(name = "v", required = false) Long requestedVersion,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
      @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
    var sample = metrics.start();
    String layerType = "unknown";
    try {
      TileCoord coord = TileRequest.parse(z, x, y);
      Layer layer = layers.visible(caller, id);
      layerType = layer.sourceType().value();
      if (layer.sourceType() != SourceType.VECTOR) {
        throw ApiException.badRequest(
            "unsupported_tile_format",
            "Layer " + id + " is a " + layerType + " layer; Tessera serves vector tiles for vector layers.");
      }
      if (!format.equals("mvt") && !format.equals("pbf")) {
        throw ApiException.badRequest("unsupported_tile_format", "Vector tiles are .mvt or .pbf, not ." + format + ".")
            .with("parameter", "format");
      }
      String etag = ETags.of(layer.version());
      CacheControl cacheControl =
          requestedVersion != null && requestedVersion == layer.version()
              ? CacheControl.maxAge(maxAge).cachePublic()
              : CacheControl.noCache();
      if (etag.equals(ifNoneMatch)) {
        metrics.served(sample, layerType, "not_modified");
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
      }
      TileKey key = new TileKey(layer.id(), layer.version(), coord, "mvt");
      byte[] gzipped =
          cache.get(
              key,
              () -> {
                byte[] raw = vectorIndexes.index(layer).tile(coord, layer.name());
                return raw == null ? new byte[0] : Gzip.compress(raw);
              });
      if (gzipped.length == 0) {
        metrics.served(sample, layerType, "empty");
        return ResponseEntity.noContent().eTag(etag).cacheControl(cacheControl).build();
      }
      boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
      var response =
          ResponseEntity.ok()
              .contentType(MVT)
              .eTag(etag)
              .cacheControl(cacheControl)
              .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
      metrics.served(sample, layerType, "ok");
      return gzip
          ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzipped)
          : response.body(Gzip.decompress(gzipped));
    } catch (ApiException e) {
      metrics.failed(sample, layerType, e.code());
      throw e;
    } catch (RuntimeException e) {
      metrics.failed(sample, layerType, "internal_error");
      throw e;
    }
  }
}
