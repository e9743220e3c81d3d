package dev.tessera.server.tiles;

import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.SourceType;

/** Gives the {@link TileSource} of layers of one source type; one Spring bean per type that serves tiles. */
public interface TileSourceProvider {

  SourceType sourceType();

  /** The source of {@code layer} at its current version; may be cached, and may throw a problem (404, 400…). */
  TileSource source(Layer layer);
}
