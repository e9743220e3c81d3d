package dev.tessera.server.proxy;

import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.tiles.TileSource;
import org.springframework.stereotype.Component;

/** Tile sources of WMS layers ({@link WmsTileSource}). */
@Component
class WmsTiles extends ProxySources {
  private final UpstreamClient upstream;

  WmsTiles(UpstreamClient upstream) {
    this.upstream = upstream;
  }

  @Override
  public SourceType sourceType() {
    return SourceType.WMS;
  }

  @Override
  TileSource create(Layer layer) {
    return new WmsTileSource(layer, upstream);
  }
}
