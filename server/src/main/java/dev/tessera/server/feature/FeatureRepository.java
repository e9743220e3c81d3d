package dev.tessera.server.feature;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/** Features of vector layers. Implementations are thread-safe; callers hold the layer lock for writes. */
public interface FeatureRepository {

  /** Inserts in one JDBC batch. */
  void insertAll(List<Feature> features);

  Optional<Feature> findById(UUID layerId, UUID featureId);

  /**
   * One page in id order (ids are time-ordered, so this is insertion order).
   *
   * @param bbox only features whose geometry intersects it; null for all
   * @param after only features with an id greater than this; null to start at the beginning
   */
  List<Feature> page(UUID layerId, Envelope bbox, UUID after, int limit);

  /**
   * Streams one page in id order to {@code consumer} without holding it in memory; the same filters as
   * {@link #page}, plus {@code skip} rows passed over first (offset paging, e.g. OGC API Features).
   *
   * @param skip how many matching features to pass over after {@code after}; 0 for none
   */
  void forEachInPage(UUID layerId, Envelope bbox, UUID after, long skip, int limit, Consumer<Feature> consumer);

  /** Streams every feature of the layer in id order without holding them all in memory. */
  void forEach(UUID layerId, Consumer<Feature> consumer);

  /**
   * The same with each feature's {@code fid}: a positive number unique across all layers that never changes, given
   * by the store on insert; short where a UUID is long (the MVT feature id).
   */
  void forEachWithFid(UUID layerId, FidConsumer consumer);

  /** Receives one feature and its fid. */
  @FunctionalInterface
  interface FidConsumer {
    void accept(long fid, Feature feature);
  }

  /**
   * Streams each feature's id, fid, one point of it (the point itself; for other geometries a point on their surface)
   * and its properties, in no particular order: what a point index needs, without building geometries.
   */
  void forEachPoint(UUID layerId, PointConsumer consumer);

  /** Receives one feature's id, fid, point and properties; lon/lat are NaN for an empty geometry. */
  @FunctionalInterface
  interface PointConsumer {
    void accept(UUID id, long fid, double lon, double lat, String propertiesJson);
  }

  /** The fids of those of {@code ids} that are features of the layer (for indexes told of a write by id). */
  Map<UUID, Long> fids(UUID layerId, Collection<UUID> ids);

  boolean update(Feature feature);

  boolean delete(UUID layerId, UUID featureId);

  FeatureStats stats(UUID layerId);
}
