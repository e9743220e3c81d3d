package dev.tessera.server.tiles.vector;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tessera.engine.vector.SourceFeature;
import dev.tessera.engine.vector.TilerOptions;
import dev.tessera.engine.vector.VectorTileIndex;
import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.feature.FeatureRepository;
import dev.tessera.server.layer.Layer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In-memory tile indexes of vector layers, one per layer version, built from the store on first use and bounded by
 * total vertices ({@code TILE_INDEX_MAX_VERTICES}). The database stays the system of record; every node builds its
 * own index, and a new layer version (any edit) builds a new one and drops the old. Thread-safe; concurrent first
 * requests for one version build it once.
 */
@Component
public class VectorLayerIndexes {
  private record Key(UUID layerId, long version) {}

  private final Cache<Key, VectorTileIndex> indexes;
  private final Map<UUID, Long> latestVersion = new ConcurrentHashMap<>();
  private final FeatureRepository features;
  private final TransactionTemplate readTx;
  private final TilerOptions options;
  private final Timer buildTimer;

  VectorLayerIndexes(
      FeatureRepository features,
      PlatformTransactionManager transactions,
      TesseraProperties properties,
      MeterRegistry metrics) {
    this.features = features;
    this.readTx = new TransactionTemplate(transactions);
    this.readTx.setReadOnly(true);
    TilerOptions defaults = TilerOptions.defaults();
    this.options =
        new TilerOptions(
            defaults.extent(),
            properties.tiles().buffer(),
            defaults.tolerancePx(),
            defaults.maxZoom(),
            defaults.indexMaxZoom(),
            defaults.indexMaxPoints());
    this.indexes =
        Caffeine.newBuilder()
            .maximumWeight(properties.cache().maxIndexVertices())
            .weigher((Key key, VectorTileIndex index) -> (int) Math.min(Integer.MAX_VALUE, 1 + index.vertexCount()))
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(metrics, indexes, "vector_indexes");
    this.buildTimer =
        Timer.builder("vector_index_build_seconds").description("Building a layer's tile index").register(metrics);
  }

  /** The tile index of this layer version, built now if needed. */
  public VectorTileIndex index(Layer layer) {
    Key key = new Key(layer.id(), layer.version());
    VectorTileIndex index = indexes.get(key, this::build);
    Long previous = latestVersion.put(layer.id(), layer.version());
    if (previous != null && previous < layer.version()) {
      indexes.invalidate(new Key(layer.id(), previous));
    }
    return index;
  }

  private VectorTileIndex build(Key key) {
    return buildTimer.record(
        () ->
            readTx.execute(
                status -> {
                  List<SourceFeature> source = new ArrayList<>();
                  features.forEachWithFid(
                      key.layerId(),
                      (fid, f) -> source.add(new SourceFeature(fid, f.geometry(), f.propertiesJson())));
                  return VectorTileIndex.build(source, options);
                }));
  }

  /** The TileJSON / PMTiles metadata {@code vector_layers} entry of a vector layer. */
  public static Map<String, Object> vectorLayer(Layer layer, VectorTileIndex index, int minZoom, int maxZoom) {
    Map<String, Object> vectorLayer = new LinkedHashMap<>();
    vectorLayer.put("id", layer.name());
    vectorLayer.put("description", layer.description() == null ? "" : layer.description());
    vectorLayer.put("minzoom", minZoom);
    vectorLayer.put("maxzoom", maxZoom);
    vectorLayer.put("fields", index.fields());
    return vectorLayer;
  }
}
