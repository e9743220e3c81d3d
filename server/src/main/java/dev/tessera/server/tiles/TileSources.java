package dev.tessera.server.tiles;

import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.problem.ApiException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The tile source of a layer, by its source type. Thread-safe. */
@Component
class TileSources {
  private final Map<SourceType, TileSourceProvider> providers = new EnumMap<>(SourceType.class);

  TileSources(List<TileSourceProvider> providers) {
    for (TileSourceProvider provider : providers) {
      this.providers.put(provider.sourceType(), provider);
    }
  }

  TileSource of(Layer layer) {
    TileSourceProvider provider = providers.get(layer.sourceType());
    if (provider == null) {
      throw ApiException.badRequest(
          "unsupported_tile_format",
          "Layer " + layer.id() + " is a " + layer.sourceType().value() + " layer; Tessera serves tiles of "
              + providers.keySet().stream().map(SourceType::value).sorted().toList() + " layers.");
    }
    return provider.source(layer);
  }
}
