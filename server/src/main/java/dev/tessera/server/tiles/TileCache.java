package dev.tessera.server.tiles;

import java.util.function.Supplier;

/**
 * Rendered tiles by {@link TileKey}. Implementations are thread-safe and render a missing tile once however many
 * requests ask for it at the same time. Values are tile bytes as {@link TileResponder} keeps them (vector tiles
 * gzipped or raw, images as they are); an empty array means "no data here".
 */
public interface TileCache {

  /** False when tiles are not kept ({@code CACHE_SIZE=0}): a rendered tile then serves only the requests waiting on it. */
  default boolean keepsTiles() {
    return true;
  }

  /** The cached tile, or {@code render}'s result, stored before it is returned. */
  byte[] get(TileKey key, Supplier<byte[]> render);

  /** The cached tile, or null when it is not cached (nothing is rendered). */
  byte[] getIfPresent(TileKey key);
}
