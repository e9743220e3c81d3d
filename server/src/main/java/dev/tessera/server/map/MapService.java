package dev.tessera.server.map;

import dev.tessera.server.http.ETags;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerRepository;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.AccessPolicy;
import dev.tessera.server.security.Caller;
import dev.tessera.server.store.Ids;
import dev.tessera.server.store.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Map use cases: each checks permissions, then reads or writes in one transaction. Thread-safe. */
@Service
public class MapService {
  private final MapRepository maps;
  private final LayerRepository layers;
  private final AccessPolicy access;
  private final ApplicationEventPublisher events;

  MapService(MapRepository maps, LayerRepository layers, AccessPolicy access, ApplicationEventPublisher events) {
    this.maps = maps;
    this.layers = layers;
    this.access = access;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public List<WebMap> list(Caller caller) {
    return maps.findVisibleTo(caller);
  }

  @Transactional
  public MapView create(Caller caller, MapInput input) {
    requireSignedIn(caller);
    if (input.name() == null || input.name().isBlank()) {
      throw ApiException.invalidField("name", "Field 'name' is required.");
    }
    Instant now = Rows.now();
    WebMap map =
        new WebMap(
            Ids.newId(),
            input.name().trim(),
            input.description(),
            Objects.requireNonNullElse(input.centerLat(), 0.0),
            Objects.requireNonNullElse(input.centerLng(), 0.0),
            Objects.requireNonNullElse(input.zoom(), 2.0),
            input.basemap(),
            Objects.requireNonNullElse(input.permissionLevel(), PermissionLevel.PRIVATE),
            caller.userId(),
            1,
            now,
            now);
    maps.insert(map);
    return MapView.of(map, List.of());
  }

  @Transactional(readOnly = true)
  public MapView get(Caller caller, UUID id) {
    return view(visible(caller, id));
  }

  @Transactional
  public MapView update(Caller caller, UUID id, MapInput input, String ifMatch) {
    WebMap current = maps.lock(id).filter(m -> access.canView(caller, m)).orElseThrow(() -> notFound(id));
    if (!access.canEdit(caller, current)) {
      throw ApiException.forbidden("You may view this map but not change it.");
    }
    ETags.checkIfMatch(ifMatch, current.version(), "map");
    if (input.permissionLevel() != null
        && input.permissionLevel() != current.permissionLevel()
        && !access.canAdminister(caller, current)) {
      throw ApiException.forbidden("Only the map's owner may change its permission level.")
          .with("field", "permission_level");
    }
    if (input.name() != null && input.name().isBlank()) {
      throw ApiException.invalidField("name", "Field 'name' must not be blank.");
    }
    WebMap updated =
        new WebMap(
            current.id(),
            input.name() != null ? input.name().trim() : current.name(),
            input.description() != null ? input.description() : current.description(),
            input.centerLat() != null ? input.centerLat() : current.centerLat(),
            input.centerLng() != null ? input.centerLng() : current.centerLng(),
            input.zoom() != null ? input.zoom() : current.zoom(),
            input.basemap() != null ? input.basemap() : current.basemap(),
            input.permissionLevel() != null ? input.permissionLevel() : current.permissionLevel(),
            current.createdBy(),
            current.version() + 1,
            current.createdAt(),
            Rows.now());
    if (!maps.update(updated, current.version())) {
      throw ApiException.preconditionFailed("map", ETags.of(current.version()));
    }
    events.publishEvent(new MapChanged(id, "map_updated", null));
    return view(updated);
  }

  @Transactional
  public void delete(Caller caller, UUID id, String ifMatch) {
    WebMap current = maps.lock(id).filter(m -> access.canView(caller, m)).orElseThrow(() -> notFound(id));
    if (!access.canAdminister(caller, current)) {
      throw ApiException.forbidden("Only the map's owner may delete it.");
    }
    ETags.checkIfMatch(ifMatch, current.version(), "map");
    events.publishEvent(new MapChanged(id, "map_deleted", null));
    maps.delete(id);
  }

  @Transactional
  public MapView addLayer(Caller caller, UUID mapId, MapLayerInput input) {
    WebMap map = editable(caller, mapId);
    if (input.layerId() == null) {
      throw ApiException.invalidField("layer_id", "Field 'layer_id' is required.");
    }
    Layer layer =
        layers
            .findById(input.layerId())
            .filter(l -> access.canView(caller, l))
            .orElseThrow(
                () ->
                    ApiException.invalidField("layer_id", "No layer with id " + input.layerId() + " is visible to you."));
    List<MapLayer> current = maps.layers(mapId);
    if (current.stream().anyMatch(ml -> ml.layerId().equals(layer.id()))) {
      throw ApiException.conflict("layer_already_on_map", "Layer " + layer.id() + " is already on this map.")
          .with("field", "layer_id");
    }
    List<UUID> order = new ArrayList<>(current.stream().map(MapLayer::layerId).toList());
    int position = input.displayOrder() == null ? order.size() : Math.min(input.displayOrder(), order.size());
    maps.insertLayer(
        new MapLayer(
            Ids.newId(),
            mapId,
            layer.id(),
            position,
            input.isVisible() == null || input.isVisible(),
            input.opacity() == null ? 1.0 : input.opacity(),
            Rows.now()));
    order.add(position, layer.id());
    maps.reorderLayers(mapId, order);
    maps.touch(mapId);
    events.publishEvent(new MapChanged(mapId, "layer_added", layer.id()));
    return view(maps.findById(map.id()).orElseThrow());
  }

  @Transactional
  public MapView updateLayer(Caller caller, UUID mapId, UUID layerId, MapLayerInput input) {
    editable(caller, mapId);
    if (input.layerId() != null && !input.layerId().equals(layerId)) {
      throw ApiException.invalidField("layer_id", "Field 'layer_id' must match the layer in the path.");
    }
    List<MapLayer> current = maps.layers(mapId);
    MapLayer placement =
        current.stream()
            .filter(ml -> ml.layerId().equals(layerId))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("layer on this map", layerId));
    maps.updateLayer(
        new MapLayer(
            placement.id(),
            mapId,
            layerId,
            placement.displayOrder(),
            input.isVisible() != null ? input.isVisible() : placement.isVisible(),
            input.opacity() != null ? input.opacity() : placement.opacity(),
            placement.addedAt()));
    if (input.displayOrder() != null) {
      List<UUID> order = new ArrayList<>(current.stream().map(MapLayer::layerId).toList());
      order.remove(layerId);
      order.add(Math.min(input.displayOrder(), order.size()), layerId);
      maps.reorderLayers(mapId, order);
    }
    maps.touch(mapId);
    events.publishEvent(new MapChanged(mapId, "layer_updated", layerId));
    return view(maps.findById(mapId).orElseThrow());
  }

  @Transactional
  public void removeLayer(Caller caller, UUID mapId, UUID layerId) {
    editable(caller, mapId);
    if (!maps.deleteLayer(mapId, layerId)) {
      throw ApiException.notFound("layer on this map", layerId);
    }
    maps.reorderLayers(mapId, maps.layers(mapId).stream().map(MapLayer::layerId).toList());
    maps.touch(mapId);
    events.publishEvent(new MapChanged(mapId, "layer_removed", layerId));
  }

  @Transactional
  public MapView reorder(Caller caller, UUID mapId, ReorderInput input) {
    editable(caller, mapId);
    List<UUID> current = maps.layers(mapId).stream().map(MapLayer::layerId).toList();
    List<UUID> requested = input.layerIds();
    if (requested.size() != current.size()
        || new HashSet<>(requested).size() != requested.size()
        || !new HashSet<>(requested).equals(new HashSet<>(current))) {
      throw ApiException.invalidField(
              "layer_ids", "Field 'layer_ids' must list each layer on the map exactly once (" + current.size() + ").")
          .with("expected", current);
    }
    maps.reorderLayers(mapId, requested);
    maps.touch(mapId);
    events.publishEvent(new MapChanged(mapId, "layers_reordered", null));
    return view(maps.findById(mapId).orElseThrow());
  }

  private WebMap visible(Caller caller, UUID id) {
    return maps.findById(id).filter(m -> access.canView(caller, m)).orElseThrow(() -> notFound(id));
  }

  private WebMap editable(Caller caller, UUID id) {
    requireSignedIn(caller);
    WebMap map = maps.lock(id).filter(m -> access.canView(caller, m)).orElseThrow(() -> notFound(id));
    if (!access.canEdit(caller, map)) {
      throw ApiException.forbidden("You may view this map but not change it.");
    }
    return map;
  }

  private MapView view(WebMap map) {
    List<MapView.LayerOnMap> placed = new ArrayList<>();
    for (MapLayer placement : maps.layers(map.id())) {
      layers.findById(placement.layerId()).ifPresent(l -> placed.add(MapView.LayerOnMap.of(placement, l)));
    }
    return MapView.of(map, placed);
  }

  private static void requireSignedIn(Caller caller) {
    if (caller.anonymousCaller()) {
      throw ApiException.unauthorized("Sign in to change maps.");
    }
  }

  private static ApiException notFound(UUID id) {
    return ApiException.notFound("map", id);
  }
}
