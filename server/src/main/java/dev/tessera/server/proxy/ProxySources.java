package dev.tessera.server.proxy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.tiles.TileSource;
import dev.tessera.server.tiles.TileSourceProvider;
import java.time.Duration;

/**
 * Tile sources of layers that name a remote map service, made once per layer version and kept an hour: every tile
 * request asks for its layer's source, cached tiles included, and making one parses the layer's configuration (and
 * for WMTS reads the service's capabilities). After an hour the source is made again, so a service's changed
 * capabilities are seen; a source that could not be made is not kept, so a service that comes back is seen at the next
 * request. Thread-safe.
 */
abstract class ProxySources implements TileSourceProvider {
  private final Cache<String, TileSource> sources =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(1_000).build();
  private final SourceType sourceType;
  /** Where the sources' requests go out. */
  final UpstreamClient upstream;

  ProxySources(SourceType sourceType, UpstreamClient upstream) {
    this.sourceType = sourceType;
    this.upstream = upstream;
  }

  @Override
  public final SourceType sourceType() {
    return sourceType;
  }

  @Override
  public final TileSource source(Layer layer) {
    return sources.get(layer.id() + "@" + layer.version(), k -> create(layer));
  }

  /** The source of {@code layer} as it is now; may throw a problem. */
  abstract TileSource create(Layer layer);
}
