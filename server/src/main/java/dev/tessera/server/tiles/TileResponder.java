package dev.tessera.server.tiles;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.http.ETags;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.RecentLayers;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers tile requests for every source type with a {@link TileSource}: permission check, cache lookup keyed on the
 * layer version, fetch or render on a miss, and HTTP caching (ETag from the version, 304, gzip when accepted). A URL
 * carrying the current version ({@code ?v=}, as TileJSON writes it) may be cached long; without it clients
 * revalidate. Vector tiles are cached gzipped (archive tiles already gzipped are kept as they are); images are cached
 * and sent as they are. Used by the tile endpoint and by OGC API – Tiles. Thread-safe.
 */
@Component
public class TileResponder {
  private final RecentLayers layers;
  private final TileCache cache;
  private final TileSources sources;
  private final TileMetrics metrics;
  private final Duration maxAge;

  TileResponder(
      RecentLayers layers,
      TileCache cache,
      TileSources sources,
      TileMetrics metrics,
      TesseraProperties properties) {
    this.layers = layers;
    this.cache = cache;
    this.sources = sources;
    this.metrics = metrics;
    this.maxAge = Duration.ofSeconds(properties.tiles().maxAgeSeconds());
  }

  /**
   * Answers one tile request for any layer type; {@code z}, {@code x}, {@code y} as they came in the URL (range
   * checked here, 400 otherwise) and {@code format} the requested extension.
   */
  public ResponseEntity<byte[]> respond(
      Caller caller,
      UUID id,
      String z,
      String x,
      String y,
      String format,
      Long requestedVersion,
      String ifNoneMatch,
      String acceptEncoding) {
    return respond(caller, id, z, x, y, format, Map.of(), requestedVersion, ifNoneMatch, acceptEncoding);
  }

  /**
   * As above, with the request's query parameters (rendering parameters of raster layers, {@code time}); {@code y}
   * may end in {@code @2x} for double-resolution tiles.
   */
  public ResponseEntity<byte[]> respond(
      Caller caller,
      UUID id,
      String z,
      String x,
      String y,
      String format,
      Map<String, String> query,
      Long requestedVersion,
      String ifNoneMatch,
      String acceptEncoding) {
    var sample = metrics.start();
    String layerType = "unknown";
    try {
      int scale = y.endsWith("@2x") ? 2 : 1;
      TileCoord coord = TileRequest.parse(z, x, scale == 2 ? y.substring(0, y.length() - 3) : y);
      Layer layer = layers.visible(caller, id);
      layerType = layer.sourceType().value();
      TileSource source = sources.of(layer);
      TileVariant variant = source.variant(format, scale, query);
      TileFormat tileFormat = variant.format();
      String etag = variant.key().equals(tileFormat.extension())
          ? ETags.of(layer.version())
          : "\"v" + layer.version() + "-" + Integer.toHexString(variant.key().hashCode()) + "\"";
      CacheControl cacheControl =
          requestedVersion != null && requestedVersion == layer.version()
              ? CacheControl.maxAge(maxAge).cachePublic()
              : CacheControl.noCache();
      if (etag.equals(ifNoneMatch)) {
        metrics.served(sample, layerType, "not_modified");
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
      }
      TileKey key = new TileKey(layer.id(), layer.version(), coord, variant.key());
      byte[] cached = cache.get(key, () -> cacheable(variant.renderer().apply(coord), tileFormat));
      if (cached.length == 0) {
        metrics.served(sample, layerType, "empty");
        return ResponseEntity.noContent().eTag(etag).cacheControl(cacheControl).build();
      }
      var response = ResponseEntity.ok().contentType(tileFormat.mediaType()).eTag(etag).cacheControl(cacheControl);
      metrics.served(sample, layerType, "ok");
      if (!tileFormat.compressible()) {
        return response.body(cached);
      }
      response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
      boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
      return gzip
          ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(cached)
          : response.body(Gzip.decompress(cached));
    } catch (ApiException e) {
      metrics.failed(sample, layerType, e.code());
      throw e;
    } catch (RuntimeException e) {
      metrics.failed(sample, layerType, "internal_error");
      throw e;
    }
  }

  /** What the cache keeps: nothing for "no data", gzip for compressible formats, the bytes as they are otherwise. */
  private static byte[] cacheable(Tile tile, TileFormat format) {
    if (tile == null || tile.bytes().length == 0) {
      return new byte[0];
    }
    if (!format.compressible()) {
      return tile.gzipped() ? Gzip.decompress(tile.bytes()) : tile.bytes();
    }
    return tile.gzipped() ? tile.bytes() : Gzip.compress(tile.bytes());
  }
}
