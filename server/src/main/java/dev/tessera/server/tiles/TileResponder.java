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
 * revalidate. Vector tiles are cached gzipped unless small (archive tiles already gzipped are kept as they are); images
 * are cached and sent as they are. Used by the tile endpoint and by OGC API – Tiles. Thread-safe.
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
      Prepared tile = prepare(caller, id, z, x, y, format, query, requestedVersion);
      layerType = tile.layerType();
      if (tile.etag().equals(ifNoneMatch)) {
        metrics.served(sample, layerType, "not_modified");
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tile.etag()).cacheControl(tile.cacheControl()).build();
      }
      TileVariant variant = tile.variant();
      byte[] cached = load(tile, acceptEncoding);
      if (cached.length == 0) {
        metrics.served(sample, layerType, "empty");
        return ResponseEntity.noContent().eTag(tile.etag()).cacheControl(tile.cacheControl()).build();
      }
      TileFormat tileFormat = variant.format();
      var response =
          ResponseEntity.ok().contentType(tileFormat.mediaType()).eTag(tile.etag()).cacheControl(tile.cacheControl());
      metrics.served(sample, layerType, "ok");
      if (!tileFormat.compressible()) {
        return response.body(cached);
      }
      response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
      return sendsGzip(cached, acceptEncoding)
          ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(cached)
          : response.body(plain(cached));
    } catch (ApiException e) {
      metrics.failed(sample, layerType, e.code());
      throw e;
    } catch (RuntimeException e) {
      metrics.failed(sample, layerType, "internal_error");
      throw e;
    }
  }

  /**
   * What a tile request resolves to before any tile is read: the coordinate is in range, the caller may see the layer,
   * the source can answer this variant. Throws the problem ({@link ApiException}) otherwise.
   */
  Prepared prepare(Caller caller, UUID id, String z, String x, String y, String format, Map<String, String> query,
      Long requestedVersion) {
    int scale = y.endsWith("@2x") ? 2 : 1;
    TileCoord coord = TileRequest.parse(z, x, scale == 2 ? y.substring(0, y.length() - 3) : y);
    Layer layer = layers.visible(caller, id);
    TileSource source = sources.of(layer);
    TileVariant variant = source.variant(format, scale, query);
    String etag = variant.key().equals(variant.format().extension())
        ? ETags.of(layer.version())
        : "\"v" + layer.version() + "-" + Integer.toHexString(variant.key().hashCode()) + "\"";
    CacheControl cacheControl =
        requestedVersion != null && requestedVersion == layer.version()
            ? CacheControl.maxAge(maxAge).cachePublic()
            : CacheControl.noCache();
    TileKey key = new TileKey(layer.id(), layer.version(), coord, variant.key());
    return new Prepared(layer.sourceType().value(), variant, etag, cacheControl, key, source.rendersInMemory());
  }

  /**
   * A resolved tile request: see {@link #prepare}. {@code inMemory}: a miss renders from memory
   * ({@link TileSource#rendersInMemory}).
   */
  record Prepared(
      String layerType, TileVariant variant, String etag, CacheControl cacheControl, TileKey key, boolean inMemory) {}

  /**
   * The cached form of the tile ({@link #cacheable}), rendered once per key on a miss; empty for no data. When the
   * cache keeps nothing, a tile is gzipped only for a client that accepts it: compressing to decompress again cost
   * more than rendering a large tile.
   */
  byte[] load(Prepared tile, String acceptEncoding) {
    TileVariant variant = tile.variant();
    boolean gzip = cache.keepsTiles() || acceptsGzip(acceptEncoding);
    return cache.get(tile.key(), () -> cacheable(variant.renderer().apply(tile.key().tile()), variant.format(), gzip));
  }

  /** Whether the cached bytes of a compressible tile go out as they are, with {@code Content-Encoding: gzip}. */
  static boolean sendsGzip(byte[] cached, String acceptEncoding) {
    return acceptsGzip(acceptEncoding) && Tile.looksGzipped(cached);
  }

  private static boolean acceptsGzip(String acceptEncoding) {
    return acceptEncoding != null && acceptEncoding.contains("gzip");
  }

  /** The uncompressed bytes of a compressible tile as cached (gzipped or, when small, raw). */
  static byte[] plain(byte[] cached) {
    return Tile.looksGzipped(cached) ? Gzip.decompress(cached) : cached;
  }

  /**
   * What the cache keeps: nothing for "no data"; for compressible formats gzip (if {@code gzip}), but small tiles raw
   * (no MVT starts with the gzip magic number, so the two are told apart) and archive tiles as the archive holds them;
   * the bytes as they are otherwise.
   */
  private static byte[] cacheable(Tile tile, TileFormat format, boolean gzip) {
    if (tile == null || tile.bytes().length == 0) {
      return new byte[0];
    }
    if (!format.compressible()) {
      return tile.gzipped() ? Gzip.decompress(tile.bytes()) : tile.bytes();
    }
    return tile.gzipped() || !gzip || !Gzip.worthIt(tile.bytes()) ? tile.bytes() : Gzip.compress(tile.bytes());
  }
}
