package dev.tessera.server.places;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.tessera.engine.points.LivePointIndex;
import dev.tessera.engine.points.Place;
import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerChanged;
import dev.tessera.server.layer.LayerRepository;
import dev.tessera.server.layer.LayerSlugs;
import dev.tessera.server.layer.RecentLayers;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Viewport answers: resolves datasets (layer id or slug, only layers the caller may see), asks each layer's point
 * index, and caches the encoded answer by quantised box, zoom level, datasets with their index versions, limit,
 * fields and format — long at low zooms, short at high ones. A write gives the layer a new version, so its cached
 * answers are never hit again, and drops them. Thread-safe.
 */
@Service
class PlacesService {
  /** An encoded answer and its ETag. */
  record Answer(byte[] body, String etag, PlacesFormat format) {}

  /** What a request resolved to: the datasets' layers and index entries, and the key of its answer. */
  record Resolved(PlacesQuery query, List<Layer> layers, List<PlaceIndexes.Entry> entries, String key) {
    /** 128 bits of SHA-256 of the key: a collision would answer 304 for a different answer. */
    String etag() {
      try {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
            .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "\"p" + java.util.HexFormat.of().formatHex(digest, 0, 16) + "\"";
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }
  }

  private final PlaceIndexes indexes;
  private final RecentLayers recentLayers;
  private final Cache<String, Answer> answers;
  private final com.github.benmanes.caffeine.cache.LoadingCache<String, Optional<UUID>> slugs;
  private final TesseraProperties.Places settings;
  private final io.micrometer.core.instrument.Timer hitTimer;
  private final io.micrometer.core.instrument.Timer missTimer;

  PlacesService(
      PlaceIndexes indexes,
      RecentLayers recentLayers,
      LayerRepository layers,
      TesseraProperties properties,
      MeterRegistry metrics) {
    this.indexes = indexes;
    this.recentLayers = recentLayers;
    this.slugs = RecentLayers.refreshing(slug -> layers.findBySlug(slug).map(Layer::id));
    this.settings = properties.places();
    this.answers =
        Caffeine.newBuilder()
            .maximumWeight(settings.cacheMaxBytes())
            .weigher((String key, Answer answer) -> answer.body().length + 2 * key.length())
            .expireAfter(Expiry.<String, Answer>creating((key, answer) -> ttl(key)))
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(metrics, answers, "places_answers");
    this.hitTimer = requestTimer(metrics, "hit");
    this.missTimer = requestTimer(metrics, "miss");
  }

  private static io.micrometer.core.instrument.Timer requestTimer(MeterRegistry metrics, String cache) {
    return io.micrometer.core.instrument.Timer.builder("places_request_duration_seconds")
        .description("Server time of a places viewport answer: parameters, access, cache, index query, encoding")
        .tag("cache", cache)
        .publishPercentiles(0.5, 0.95, 0.99)
        .register(metrics);
  }

  TesseraProperties.Places settings() {
    return settings;
  }

  /** Checks access to every dataset and builds the answer's cache key (no answer computed yet). */
  Resolved resolve(Caller caller, PlacesQuery request) {
    PlacesQuery query = request.quantised();
    List<Layer> found = new ArrayList<>();
    List<PlaceIndexes.Entry> entries = new ArrayList<>();
    StringBuilder key = new StringBuilder(128);
    int level = level(query);
    key.append(level).append('|').append(query.describeBox()).append('|').append(query.limit()).append('|')
        .append(query.fields()).append('|').append(query.format()).append('|');
    for (String name : query.datasets()) {
      Layer layer = dataset(caller, name);
      PlaceIndexes.Entry entry = indexes.entry(layer);
      found.add(layer);
      entries.add(entry);
      key.append(name).append('=').append(layer.id()).append('@').append(entry.version).append('.')
          .append(entry.index.generation()).append(';');
    }
    return new Resolved(query, found, entries, key.toString());
  }

  /** An answer and whether it came from the cache. */
  record Served(Answer answer, boolean hit) {}

  Served answer(Resolved resolved) {
    boolean[] computed = {false};
    Answer answer =
        answers.get(
            resolved.key(),
            key -> {
              computed[0] = true;
              return compute(resolved);
            });
    return new Served(answer, !computed[0]);
  }

  /** Records a request's server time (parameters to encoded answer), by cache outcome, in the metrics. */
  void recordTime(boolean hit, long nanos) {
    (hit ? hitTimer : missTimer).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private Answer compute(Resolved resolved) {
    PlacesQuery query = resolved.query();
    double zoom = query.zoom() == null ? indexes.options().maxZoom() + 1 : query.zoom();
    List<DatasetAnswer> parts = new ArrayList<>();
    for (int i = 0; i < resolved.layers().size(); i++) {
      LivePointIndex index = resolved.entries().get(i).index;
      List<Place> places = new ArrayList<>(Math.min(query.limit(), 1024));
      boolean complete =
          index.query(
              query.west(), query.south(), query.east(), query.north(), zoom,
              place -> places.size() < query.limit() ? places.add(place) : false);
      parts.add(new DatasetAnswer(query.datasets().get(i), resolved.layers().get(i).id(), places, !complete));
    }
    boolean clustered = zoom <= indexes.options().maxZoom();
    return new Answer(PlacesWriter.write(parts, query, clustered), resolved.etag(), query.format());
  }

  /** The cluster's children or leaves, for a cluster id from an answer, as that layer's part of an answer. */
  DatasetAnswer expand(Caller caller, String clusterId, boolean leaves, int limit, long offset) {
    int dot = clusterId.lastIndexOf('.');
    UUID layerId;
    long id;
    try {
      layerId = UUID.fromString(clusterId.substring(0, Math.max(0, dot)));
      id = Long.parseLong(clusterId.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("cluster", clusterId);
    }
    Layer layer = vectorLayer(recentLayers.visible(caller, layerId), layerId.toString());
    LivePointIndex index = indexes.entry(layer).index;
    List<Place> places = leaves ? index.leaves(id, limit, offset) : index.children(id);
    if (places == null) {
      throw new ApiException(
              org.springframework.http.HttpStatus.NOT_FOUND,
              "cluster_not_found",
              "No cluster " + clusterId + " in the current index of its dataset; clusters change after edits, so"
                  + " ask /api/v1/places again.")
          .with("cluster_id", clusterId);
    }
    return new DatasetAnswer(layerId.toString(), layerId, places, false);
  }

  private int level(PlacesQuery query) {
    return query.zoom() == null ? indexes.options().maxZoom() + 1 : (int) Math.floor(query.zoom());
  }

  private Duration ttl(String key) {
    int level = Integer.parseInt(key.substring(0, key.indexOf('|')));
    return Duration.ofSeconds(
        level < settings.cacheZoomSplit() ? settings.cacheTtlLowZoomSeconds() : settings.cacheTtlHighZoomSeconds());
  }

  /** The visible vector layer a dataset name stands for (id or slug); 404 naming it otherwise. */
  private Layer dataset(Caller caller, String name) {
    UUID id = parseUuid(name);
    if (id == null && LayerSlugs.isValid(name)) {
      id = slugs.get(name).orElse(null);
    }
    if (id == null) {
      throw unknownDataset(name);
    }
    try {
      return vectorLayer(recentLayers.visible(caller, id), name);
    } catch (ApiException e) {
      if (e.status().value() == 404) {
        throw unknownDataset(name);
      }
      throw e;
    }
  }

  private static Layer vectorLayer(Layer layer, String name) {
    if (layer.sourceType() != SourceType.VECTOR) {
      throw ApiException.badRequest("not_a_vector_layer", "Dataset '" + name + "' is not a vector layer of points.")
          .with("dataset", name);
    }
    return layer;
  }

  private static ApiException unknownDataset(String name) {
    return new ApiException(
            org.springframework.http.HttpStatus.NOT_FOUND, "dataset_not_found", "No dataset '" + name + "'.")
        .with("dataset", name);
  }

  private static UUID parseUuid(String s) {
    try {
      return s.length() == 36 ? UUID.fromString(s) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Drops the layer's cached answers. Their keys hold the layer version, so they would never be served again anyway;
   * this frees their memory at once rather than at their TTL.
   */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void layerChanged(LayerChanged event) {
    slugs.invalidateAll();
    String layer = "=" + event.layerId() + "@";
    answers.asMap().keySet().removeIf(key -> key.contains(layer));
  }
}
