package dev.tessera.server.feature;

import dev.tessera.engine.geojson.GeoJsonFeature;
import dev.tessera.engine.geojson.GeoJsonFeatureReader;
import dev.tessera.server.http.ETags;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerChanged;
import dev.tessera.server.layer.LayerRepository;
import dev.tessera.server.layer.LayerService;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import dev.tessera.server.store.Ids;
import dev.tessera.server.store.Rows;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Feature use cases. Every write runs in one transaction that holds the layer's row lock, inserts or changes the
 * features, and rewrites the layer's featureCount/bounds with a new version, so tiles keyed on the version never go
 * stale and an import is all-or-nothing. Thread-safe.
 */
@Service
public class FeatureService {
  private static final int BATCH = 1000;

  private final FeatureRepository features;
  private final LayerRepository layers;
  private final LayerService layerService;
  private final TransactionTemplate tx;
  private final TransactionTemplate readTx;
  private final ApplicationEventPublisher events;

  FeatureService(
      FeatureRepository features,
      LayerRepository layers,
      LayerService layerService,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events) {
    this.events = events;
    this.features = features;
    this.layers = layers;
    this.layerService = layerService;
    this.tx = new TransactionTemplate(transactions);
    this.readTx = new TransactionTemplate(transactions);
    this.readTx.setReadOnly(true);
  }

  public FeaturePage page(Caller caller, UUID layerId, Envelope bbox, int limit, String cursor) {
    UUID after = cursor == null || cursor.isBlank() ? null : decodeCursor(cursor);
    return readTx.execute(
        status -> {
          vectorLayer(layerService.visible(caller, layerId));
          List<Feature> page = features.page(layerId, bbox, after, limit + 1);
          if (page.size() <= limit) {
            return new FeaturePage(page, null);
          }
          List<Feature> trimmed = page.subList(0, limit);
          return new FeaturePage(List.copyOf(trimmed), encodeCursor(trimmed.get(limit - 1).id()));
        });
  }

  /**
   * Streams one page to {@code sink} inside one read transaction, never holding the page in memory: features in id
   * order after {@code cursor} (if any), passing over {@code offset} of them first. {@code begin} is told the layer
   * once it is known to be visible and a vector layer, before the first feature.
   *
   * @return the layer as read in that transaction, how many features were streamed, and the next page's cursor
   *     (null on the last page)
   */
  public StreamedPage streamPage(
      Caller caller,
      UUID layerId,
      Envelope bbox,
      String cursor,
      long offset,
      int limit,
      Consumer<Layer> begin,
      Consumer<Feature> sink) {
    UUID after = cursor == null || cursor.isBlank() ? null : decodeCursor(cursor);
    return readTx.execute(
        status -> {
          Layer layer = vectorLayer(layerService.visible(caller, layerId));
          begin.accept(layer);
          // One row more than asked tells whether a next page exists without a count.
          int[] seen = {0};
          UUID[] last = {null};
          features.forEachInPage(
              layerId,
              bbox,
              after,
              offset,
              limit + 1,
              f -> {
                if (seen[0] < limit) {
                  sink.accept(f);
                  last[0] = f.id();
                }
                seen[0]++;
              });
          int returned = Math.min(seen[0], limit);
          return new StreamedPage(layer, returned, seen[0] > limit ? encodeCursor(last[0]) : null);
        });
  }

  /** 404 unless the caller may see this vector layer. */
  public void checkVisible(Caller caller, UUID layerId) {
    readTx.executeWithoutResult(status -> vectorLayer(layerService.visible(caller, layerId)));
  }

  public Feature get(Caller caller, UUID layerId, UUID featureId) {
    return readTx.execute(
        status -> {
          vectorLayer(layerService.visible(caller, layerId));
          return features.findById(layerId, featureId).orElseThrow(() -> ApiException.notFound("feature", featureId));
        });
  }

  /** Streams every feature of a visible layer to {@code sink} inside one read transaction (a consistent snapshot). */
  public Layer export(Caller caller, UUID layerId, Consumer<Layer> begin, Consumer<Feature> sink) {
    return readTx.execute(
        status -> {
          Layer layer = vectorLayer(layerService.visible(caller, layerId));
          begin.accept(layer);
          features.forEach(layerId, sink);
          return layer;
        });
  }

  /**
   * Reads GeoJSON (a Feature or a FeatureCollection) from {@code body} as a stream and stores every feature, or
   * none: the first invalid feature rolls the whole import back.
   *
   * @param repairInvalid repair invalid geometries (JTS GeometryFixer) instead of rejecting the import
   * @param progress told the running count after each batch
   */
  public ImportResult importGeoJson(
      Caller caller, UUID layerId, InputStream body, boolean repairInvalid, LongConsumer progress) {
    return importFeatures(caller, layerId, () -> ReadAheadFeatures.open(body, repairInvalid), progress);
  }

  /** Reads CSV from {@code body} as a stream; see {@link CsvOptions}. All or nothing unless it asks to skip bad rows. */
  public ImportResult importCsv(
      Caller caller, UUID layerId, InputStream body, CsvOptions options, boolean repairInvalid, LongConsumer progress) {
    return importFeatures(caller, layerId, () -> CsvFeatures.open(body, options, repairInvalid), progress);
  }

  /** Reads GeoParquet (WKB, longitude/latitude) from {@code body}. All or nothing unless it asks to skip bad rows. */
  public ImportResult importParquet(
      Caller caller, UUID layerId, InputStream body, boolean repairInvalid, boolean skipInvalid,
      LongConsumer progress) {
    return importFeatures(caller, layerId, () -> ParquetFeatures.open(body, repairInvalid, skipInvalid), progress);
  }

  /**
   * Stores every feature {@code source} gives, or none: the first invalid one rolls the whole import back. The
   * source is opened inside the transaction, after the layer was checked.
   *
   * @param progress told the running count after each batch
   */
  ImportResult importFeatures(
      Caller caller, UUID layerId, java.util.function.Supplier<? extends FeatureSource> source, LongConsumer progress) {
    return tx.execute(
        status -> {
          Layer layer = vectorLayer(layerService.editable(caller, layerId));
          ObjectNode config = layer.sourceConfig().deepCopy();
          Instant now = Rows.now();
          List<Feature> batch = new ArrayList<>(BATCH);
          List<UUID> ids = new ArrayList<>();
          Envelope bounds = VectorLayerStats.bounds(config);
          bounds = bounds == null ? new Envelope() : bounds;
          boolean pointsOnly = VectorLayerStats.pointsOnly(config);
          long imported = 0;
          List<Feature> listed = new ArrayList<>();
          boolean single;
          long repaired;
          long skipped;
          try (FeatureSource reader = source.get()) {
            while (reader.hasNext()) {
              GeoJsonFeature next = reader.next();
              String mismatch = VectorLayerStats.mismatch(config, next.geometry());
              if (mismatch != null) {
                throw reader.locate(ApiException.badRequest("geometry_type_mismatch", mismatch), imported);
              }
              UUID id = Ids.newId();
              Feature feature = new Feature(id, layerId, next.geometry(), next.propertiesJson(), 0, now, now);
              batch.add(feature);
              if (listed != null) {
                listed.add(feature);
                listed = listed.size() > FeaturesChanged.MAX_LISTED ? null : listed;
              }
              bounds.expandToInclude(next.geometry().getEnvelopeInternal());
              pointsOnly &= next.geometry().getDimension() == 0;
              if (ids.size() <= ImportResult.MAX_IDS) {
                ids.add(id);
              }
              imported++;
              if (batch.size() == BATCH) {
                features.insertAll(batch);
                batch.clear();
                progress.accept(imported);
              }
            }
            single = reader.singleFeature();
            repaired = reader.repairedCount();
            skipped = reader.skippedCount();
          }
          if (!batch.isEmpty()) {
            features.insertAll(batch);
            progress.accept(imported);
          }
          long count = VectorLayerStats.count(config) + imported;
          VectorLayerStats.write(config, new FeatureStats(count, count == 0 ? null : bounds, pointsOnly));
          Layer saved = saveLayer(layer, config);
          events.publishEvent(
              new FeaturesChanged(
                  layerId, layer.version(), saved.version(), listed == null ? List.of() : listed, List.of(),
                  listed != null));
          return new ImportResult(
              layerId,
              imported,
              repaired,
              skipped,
              count,
              config.get("bounds"),
              saved.version(),
              ids.size() > ImportResult.MAX_IDS ? List.of() : List.copyOf(ids),
              single);
        });
  }

  /** Replaces one feature's geometry and properties. */
  public Feature update(Caller caller, UUID layerId, UUID featureId, InputStream body, String ifMatch) {
    GeoJsonFeature input = GeoJsonFeatureReader.readSingleFeature(body);
    return tx.execute(
        status -> {
          Layer layer = vectorLayer(layerService.editable(caller, layerId));
          Feature current =
              features.findById(layerId, featureId).orElseThrow(() -> ApiException.notFound("feature", featureId));
          ETags.checkIfMatch(ifMatch, etag(current), "feature");
          ObjectNode config = layer.sourceConfig().deepCopy();
          String mismatch = VectorLayerStats.mismatch(config, input.geometry());
          if (mismatch != null) {
            throw ApiException.badRequest("geometry_type_mismatch", mismatch).with("pointer", "/geometry");
          }
          Instant now = Rows.now();
          if (!now.isAfter(current.updatedAt())) {
            now = current.updatedAt().plus(1, ChronoUnit.MICROS);
          }
          Feature updated =
              new Feature(
                  featureId, layerId, input.geometry(), input.propertiesJson(), current.displayOrder(),
                  current.createdAt(), now);
          features.update(updated);
          VectorLayerStats.write(config, statsAfter(layerId, config, current.geometry(), updated.geometry()));
          Layer saved = saveLayer(layer, config);
          events.publishEvent(
              new FeaturesChanged(layerId, layer.version(), saved.version(), List.of(updated), List.of(), true));
          return updated;
        });
  }

  public void delete(Caller caller, UUID layerId, UUID featureId, String ifMatch) {
    tx.executeWithoutResult(
        status -> {
          Layer layer = vectorLayer(layerService.editable(caller, layerId));
          Feature current =
              features.findById(layerId, featureId).orElseThrow(() -> ApiException.notFound("feature", featureId));
          ETags.checkIfMatch(ifMatch, etag(current), "feature");
          features.delete(layerId, featureId);
          ObjectNode config = layer.sourceConfig().deepCopy();
          VectorLayerStats.write(config, statsAfter(layerId, config, current.geometry(), null));
          Layer saved = saveLayer(layer, config);
          events.publishEvent(
              new FeaturesChanged(layerId, layer.version(), saved.version(), List.of(), List.of(featureId), true));
        });
  }

  /** The layer's stats after one feature changed: from the kept ones where that is exact, else by a scan. */
  private FeatureStats statsAfter(UUID layerId, ObjectNode config, Geometry removed, Geometry added) {
    FeatureStats kept = VectorLayerStats.afterChange(config, removed, added);
    return kept != null ? kept : features.stats(layerId);
  }

  /** A feature's ETag: its last change, to the microsecond (changes to one feature are serialised by the lock). */
  public static String etag(Feature feature) {
    Instant t = feature.updatedAt();
    return "\"f" + (t.getEpochSecond() * 1_000_000 + t.getNano() / 1000) + "\"";
  }

  private Layer saveLayer(Layer layer, ObjectNode config) {
    Layer updated = layer.withSourceConfig(config, Rows.now());
    if (!layers.update(updated, layer.version())) {
      throw new IllegalStateException("layer " + layer.id() + " changed while locked");
    }
    events.publishEvent(new LayerChanged(layer.id()));
    return layers.findById(layer.id()).orElseThrow();
  }

  private static Layer vectorLayer(Layer layer) {
    if (layer.sourceType() != SourceType.VECTOR) {
      throw ApiException.badRequest(
          "not_a_vector_layer",
          "Layer " + layer.id() + " is a " + layer.sourceType().value() + " layer; only vector layers hold features.");
    }
    return layer;
  }

  static String encodeCursor(UUID after) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(after.toString().getBytes(StandardCharsets.UTF_8));
  }

  static UUID decodeCursor(String cursor) {
    try {
      return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_cursor", "The cursor is not one this server issued.")
          .with("parameter", "cursor");
    }
  }
}
