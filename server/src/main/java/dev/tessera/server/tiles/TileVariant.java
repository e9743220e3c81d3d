package dev.tessera.server.tiles;

import dev.tessera.engine.tile.TileCoord;
import java.util.function.Function;

/**
 * What one tile request asks a source for, once its parameters are checked: the encoding, the part of the cache key
 * beyond layer version and tile (format plus every effective rendering parameter, so two requests share an entry
 * only when they would render the same bytes), and how to render a tile.
 */
public record TileVariant(TileFormat format, String key, Function<TileCoord, Tile> renderer) {}
