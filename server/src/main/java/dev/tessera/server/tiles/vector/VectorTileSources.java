package dev.tessera.server.tiles.vector;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.vector.VectorTileIndex;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.places.ClusterTiles;
import dev.tessera.server.tiles.Tile;
import dev.tessera.server.tiles.TileFormat;
import dev.tessera.server.tiles.TileSetInfo;
import dev.tessera.server.tiles.TileSource;
import dev.tessera.server.tiles.TileSourceProvider;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Vector layers' tiles, cut from the layer version's in-memory index by {@link VectorLayerIndexes}. */
@Component
class VectorTileSources implements TileSourceProvider {
  /** Deepest zoom TileJSON advertises for vector layers (the tile endpoint's limit). */
  static final int MAX_ZOOM = 22;

  private final VectorLayerIndexes indexes;
  private final ClusterTiles clusters;

  VectorTileSources(VectorLayerIndexes indexes, ClusterTiles clusters) {
    this.indexes = indexes;
    this.clusters = clusters;
  }

  @Override
  public SourceType sourceType() {
    return SourceType.VECTOR;
  }

  @Override
  public TileSource source(Layer layer) {
    return new VectorTileSource(layer, indexes, clusters);
  }

  /** Thread-safe: the index is, and the index is looked up per call so an evicted one is rebuilt. */
  private record VectorTileSource(Layer layer, VectorLayerIndexes indexes, ClusterTiles clusters)
      implements TileSource {
    @Override
    public TileFormat format() {
      return TileFormat.MVT;
    }

    @Override
    public boolean rendersInMemory() {
      return true;
    }

    @Override
    public Tile tile(TileCoord coord) {
      // Point layers show the places API's clusters up to the cluster zoom (see ClusterTiles).
      byte[] raw =
          clusters.clusters(layer, coord) ? clusters.tile(layer, coord) : indexes.index(layer).tile(coord, layer.name());
      return raw == null ? null : Tile.raw(raw);
    }

    @Override
    public TileSetInfo info() {
      VectorTileIndex index = indexes.index(layer);
      return new TileSetInfo(
          index.bounds(), 0, MAX_ZOOM, JsonMapper.shared().valueToTree(List.of(VectorLayerIndexes.vectorLayer(layer, index, 0, MAX_ZOOM))));
    }
  }
}
