package dev.tessera.server.tiles;

import dev.tessera.engine.tile.TileCoord;

/**
 * Where one layer's tiles come from: the in-memory vector index, a PMTiles or MBTiles archive… {@link TileController}
 * does permissions, caching and HTTP for all of them. Implementations are thread-safe: one instance serves every
 * request for its layer.
 */
public interface TileSource {

  /** The encoding of every tile of this source; requests for another extension answer 400. */
  TileFormat format();

  /** The tile at {@code coord}, or null where the source has no data. */
  Tile tile(TileCoord coord);

  /** Bounds, zoom range and vector layers, for TileJSON. */
  TileSetInfo info();
}
