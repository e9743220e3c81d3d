package dev.tessera.server.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tessera.server.config.TesseraProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The in-process tile cache, bounded both by entries ({@code CACHE_SIZE}) and bytes ({@code CACHE_MAX_BYTES}): each
 * tile weighs its size but at least {@code maxBytes / size}, so neither bound can be exceeded. Hits and misses are
 * exported as {@code cache_gets_total{cache="tiles",result=…}}.
 */
@Component
class CaffeineTileCache implements TileCache {
  private final Cache<TileKey, byte[]> cache;
  private final boolean keepsTiles;

  CaffeineTileCache(TesseraProperties properties, MeterRegistry metrics) {
    TesseraProperties.Cache config = properties.cache();
    this.keepsTiles = config.size() > 0;
    long minWeight = config.size() == 0 ? Long.MAX_VALUE : Math.max(1, config.maxBytes() / config.size());
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(config.size() == 0 ? 0 : config.maxBytes())
            .weigher((TileKey key, byte[] tile) -> (int) Math.min(Integer.MAX_VALUE, Math.max(tile.length, minWeight)))
            .expireAfterWrite(Duration.ofSeconds(config.ttlSeconds()))
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(metrics, cache, "tiles");
  }

  @Override
  public boolean keepsTiles() {
    return keepsTiles;
  }

  @Override
  public byte[] get(TileKey key, Supplier<byte[]> render) {
    return cache.get(key, k -> render.get());
  }

  @Override
  public byte[] getIfPresent(TileKey key) {
    return cache.getIfPresent(key);
  }
}
