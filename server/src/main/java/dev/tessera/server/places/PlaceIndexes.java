package dev.tessera.server.places;

import dev.tessera.engine.points.ClusterOptions;
import dev.tessera.engine.points.LivePointIndex;
import dev.tessera.engine.points.PointChange;
import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.feature.Feature;
import dev.tessera.server.feature.FeatureRepository;
import dev.tessera.server.feature.FeaturesChanged;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerChanged;
import dev.tessera.server.layer.LayerRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One {@link LivePointIndex} per vector layer, built from the store at first use and kept current after every
 * committed feature write: the write's features go into the index's overlay (visible to the next answer) and a
 * background merge folds them in. An index knows the layer version it reflects; a write whose starting version it
 * does not hold (another node's write, a bulk import, an index built meanwhile) drops it, and the next request
 * rebuilds. Non-point geometries are indexed at their interior point. A clustered layer's index that a write dropped
 * (an import) or that did not exist yet is built at once in the background, so the map that shows the layer next
 * does not wait for it.
 * Thread-safe.
 */
@Component
class PlaceIndexes {
  /** A layer's index and the layer version (and so the features) it reflects. */
  static final class Entry {
    final LivePointIndex index;
    volatile long version;

    Entry(LivePointIndex index, long version) {
      this.index = index;
      this.version = version;
    }
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PlaceIndexes.class);

  private final Map<UUID, CompletableFuture<Entry>> entries = new ConcurrentHashMap<>();
  private final FeatureRepository features;
  private final LayerRepository layers;
  private final TransactionTemplate readTx;
  private final ClusterOptions options;
  private final ExecutorService merges = Executors.newVirtualThreadPerTaskExecutor();
  private final Timer buildTimer;
  private final Timer warmTimer;

  PlaceIndexes(
      FeatureRepository features,
      LayerRepository layers,
      PlatformTransactionManager transactions,
      TesseraProperties properties,
      MeterRegistry metrics) {
    this.features = features;
    this.layers = layers;
    this.readTx = new TransactionTemplate(transactions);
    this.readTx.setReadOnly(true);
    TesseraProperties.Places places = properties.places();
    ClusterOptions defaults = ClusterOptions.defaults();
    this.options =
        new ClusterOptions(
            places.clusterRadius(), defaults.extent(), places.clusterMinPoints(), 0, places.clusterMaxZoom(),
            defaults.nodeSize());
    this.buildTimer = Timer.builder("places_index_build_seconds").description("Building a layer's point index")
        .tag("trigger", "request").register(metrics);
    this.warmTimer = Timer.builder("places_index_build_seconds").description("Building a layer's point index")
        .tag("trigger", "write").register(metrics);
  }

  ClusterOptions options() {
    return options;
  }

  /**
   * The layer's index, built now if needed (concurrent first requests build once). An index older than the layer
   * row (a change this node did not see as a feature write: another node's, or an edit of the layer itself) is
   * rebuilt.
   */
  Entry entry(Layer layer) {
    return entry(layer, buildTimer);
  }

  private Entry entry(Layer layer, Timer timer) {
    Entry entry = current(layer, timer);
    if (entry.version < layer.version()) {
      CompletableFuture<Entry> stale = entries.get(layer.id());
      if (stale != null && stale.isDone() && stale.join() == entry) {
        entries.remove(layer.id(), stale);
      }
      entry = current(layer, timer);
    }
    return entry;
  }

  private Entry current(Layer layer, Timer timer) {
    CompletableFuture<Entry> future = entries.get(layer.id());
    if (future == null) {
      CompletableFuture<Entry> mine = new CompletableFuture<>();
      future = entries.putIfAbsent(layer.id(), mine);
      if (future == null) {
        future = mine;
        try {
          mine.complete(timer.record(() -> build(layer.id())));
        } catch (RuntimeException e) {
          entries.remove(layer.id(), mine);
          mine.completeExceptionally(e);
        }
      }
    }
    return future.join();
  }

  private Entry build(UUID layerId) {
    return readTx.execute(
        status -> {
          long version = layers.findById(layerId).map(Layer::version).orElse(0L);
          List<PointChange.Upsert> points = new ArrayList<>();
          features.forEachPoint(
              layerId,
              (id, fid, lon, lat, properties) ->
                  points.add(
                      new PointChange.Upsert(
                          id, Double.isNaN(lon) ? 0 : lon, Double.isNaN(lat) ? 0 : lat,
                          StoredPoint.of(fid, properties))));
          return new Entry(LivePointIndex.build(points, options, merges), version);
        });
  }

  private static PointChange.Upsert upsert(Feature f, Map<UUID, Long> fids) {
    Geometry g = f.geometry();
    Point p = g instanceof Point point ? point : g.getInteriorPoint();
    double lon = p.isEmpty() ? 0 : p.getX();
    double lat = p.isEmpty() ? 0 : p.getY();
    return new PointChange.Upsert(f.id(), lon, lat, StoredPoint.of(fids.getOrDefault(f.id(), 0L), f.propertiesJson()));
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void featuresChanged(FeaturesChanged event) {
    CompletableFuture<Entry> future = entries.get(event.layerId());
    if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
      entries.remove(event.layerId());
      warmIfClustered(event);
      return;
    }
    Entry entry = future.join();
    // The store numbers inserted features (their MVT ids); read back here, after commit, for this index only.
    Map<UUID, Long> fids =
        event.upserted().isEmpty()
            ? Map.of()
            : features.fids(event.layerId(), event.upserted().stream().map(Feature::id).toList());
    synchronized (entry) {
      if (entry.version >= event.versionAfter()) {
        return;
      }
      if (!event.complete() || entry.version != event.versionBefore()) {
        entries.remove(event.layerId(), future);
        warmIfClustered(event);
        return;
      }
      List<PointChange> changes = new ArrayList<>();
      event.upserted().forEach(f -> changes.add(upsert(f, fids)));
      event.removed().forEach(id -> changes.add(new PointChange.Remove(id)));
      entry.index.apply(changes);
      entry.version = event.versionAfter();
    }
  }

  /**
   * After a write that left a layer whose tiles show clusters without an index (an import, or the first write since
   * the server started), builds it in the background: the next view of the layer would otherwise wait for it. A
   * failed build is left to the next request.
   */
  private void warmIfClustered(FeaturesChanged event) {
    merges.execute(() -> layers.findById(event.layerId()).filter(Layer::clustered).ifPresent(layer -> {
      try {
        entry(layer, warmTimer);
      } catch (RuntimeException e) {
        LOG.warn("Building the point index of layer {} after an import failed: {}", layer.id(), e.toString());
      }
    }));
  }

  /** A deleted layer's index goes; other layer changes leave the points as they are. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void layerChanged(LayerChanged event) {
    if (layers.findById(event.layerId()).isEmpty()) {
      entries.remove(event.layerId());
    }
  }
}
