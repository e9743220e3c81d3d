package dev.tessera.server.layer;

import dev.tessera.server.security.Caller;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The layer library. Implementations are thread-safe. */
public interface LayerRepository {

  void insert(Layer layer);

  Optional<Layer> findById(UUID id);

  /** The layer with this unique slug. */
  Optional<Layer> findBySlug(String slug);

  /** Locks the layer row until the transaction ends; feature writes take it to keep count, bounds and version. */
  Optional<Layer> lock(UUID id);

  /** Layers the caller may see, filtered, by name. */
  List<Layer> findVisibleTo(Caller caller, LayerFilter filter);

  /** Writes {@code layer} if the stored version is still {@code expectedVersion}; the stored version becomes +1. */
  boolean update(Layer layer, long expectedVersion);

  boolean delete(UUID id);

  /** Ids of the maps this layer is placed on. */
  List<UUID> mapIds(UUID layerId);
}
