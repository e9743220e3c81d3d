package dev.tessera.server.map;

import dev.tessera.server.security.Caller;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Maps and the layers placed on them. Implementations are thread-safe. */
public interface MapRepository {

  void insert(WebMap map);

  Optional<WebMap> findById(UUID id);

  /** Locks the map row until the transaction ends, so concurrent writers queue instead of losing updates. */
  Optional<WebMap> lock(UUID id);

  /** Maps the caller may see, most recently changed first. */
  List<WebMap> findVisibleTo(Caller caller);

  /** Writes {@code map} if the stored version is still {@code expectedVersion}; the stored version becomes +1. */
  boolean update(WebMap map, long expectedVersion);

  /** Marks the map changed (its layers were), bumping its version. */
  void touch(UUID id);

  boolean delete(UUID id);

  /** The collaborator permission ({@code view} or {@code edit}) of a user on a map, if invited. */
  Optional<String> collaboratorPermission(UUID mapId, UUID userId);

  List<MapLayer> layers(UUID mapId);

  void insertLayer(MapLayer mapLayer);

  boolean updateLayer(MapLayer mapLayer);

  boolean deleteLayer(UUID mapId, UUID layerId);

  /** Sets each layer's display order to its index in {@code layerIds}. */
  void reorderLayers(UUID mapId, List<UUID> layerIds);
}
