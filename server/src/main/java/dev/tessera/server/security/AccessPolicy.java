package dev.tessera.server.security;

import dev.tessera.server.layer.Editable;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerRepository;
import dev.tessera.server.map.MapRepository;
import dev.tessera.server.map.PermissionLevel;
import dev.tessera.server.map.WebMap;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The permission rules, in one place (the SQL twins for lists are in {@link AccessSql}):
 *
 * <ul>
 *   <li>a map is visible to anyone when public, else to its owner and its invited collaborators; the owner and
 *       {@code edit} collaborators edit it; only the owner deletes it or changes who may see it;
 *   <li>a layer is visible when global, created by the caller, or on a map the caller may see; its creator edits
 *       it, and so does anyone who may edit a map it is on when it is {@code editable = everyone};
 *   <li>admins may do everything.
 * </ul>
 *
 * <p>Callers that may not see a resource get 404 from the controllers, so its existence does not leak.
 * Thread-safe.
 */
@Component
public class AccessPolicy {
  private final MapRepository maps;
  private final LayerRepository layers;

  AccessPolicy(MapRepository maps, LayerRepository layers) {
    this.maps = maps;
    this.layers = layers;
  }

  public boolean canView(Caller caller, WebMap map) {
    if (map.permissionLevel() == PermissionLevel.PUBLIC || caller.admin() || caller.is(map.createdBy())) {
      return true;
    }
    return collaboration(caller, map).isPresent();
  }

  public boolean canEdit(Caller caller, WebMap map) {
    if (caller.admin() || caller.is(map.createdBy())) {
      return true;
    }
    return collaboration(caller, map).filter("edit"::equals).isPresent();
  }

  /** Deleting a map and changing its permission level or collaborators belong to its owner. */
  public boolean canAdminister(Caller caller, WebMap map) {
    return caller.admin() || caller.is(map.createdBy());
  }

  public boolean canView(Caller caller, Layer layer) {
    if (layer.isGlobal() || caller.admin() || caller.is(layer.createdBy())) {
      return true;
    }
    for (var mapId : layers.mapIds(layer.id())) {
      if (maps.findById(mapId).filter(m -> canView(caller, m)).isPresent()) {
        return true;
      }
    }
    return false;
  }

  public boolean canEdit(Caller caller, Layer layer) {
    if (caller.anonymousCaller()) {
      return false;
    }
    if (caller.admin() || caller.is(layer.createdBy())) {
      return true;
    }
    if (layer.editable() != Editable.EVERYONE) {
      return false;
    }
    for (var mapId : layers.mapIds(layer.id())) {
      if (maps.findById(mapId).filter(m -> canEdit(caller, m)).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> collaboration(Caller caller, WebMap map) {
    if (caller.anonymousCaller()) {
      return Optional.empty();
    }
    return maps.collaboratorPermission(map.id(), caller.userId());
  }
}
