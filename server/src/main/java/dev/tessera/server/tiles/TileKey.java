package dev.tessera.server.tiles;

import dev.tessera.engine.tile.TileCoord;
import java.util.UUID;

/**
 * What identifies one rendered tile: the layer at one version (so an edit never hits a stale entry), the tile, and
 * the rendering variant (format and parameters). Also the shape of a shared (Redis) cache key.
 */
public record TileKey(UUID layerId, long layerVersion, TileCoord tile, String variant) {
  public String asString() {
    return layerId + "/" + layerVersion + "/" + tile.z() + "/" + tile.x() + "/" + tile.y() + "/" + variant;
  }
}
