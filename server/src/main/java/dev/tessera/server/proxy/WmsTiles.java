package dev.tessera.server.proxy;

import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.tiles.TileSource;
import org.springframework.stereotype.Component;

/** Tile sources of WMS layers ({@link WmsTileSource}). */
@Component
class WmsTiles extends ProxySources {
  WmsTiles(UpstreamClient upstream) {
    super(SourceType.WMS, upstream);
  }

  @Override
  TileSource create(Layer layer) {
    return new WmsTileSource(layer, upstream);
  }
}
