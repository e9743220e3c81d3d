package dev.tessera.server.security;

import dev.tessera.server.layer.Editable;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerRepository;
import dev.tessera.server.map.MapRepository;
import dev.tessera.server.map.PermissionLevel;
import dev.tessera.server.map.WebMap;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The permission rules, in one place (the SQL twins for lists are in {@link AccessSql}):
 *
 * <ul>
 *   <li>a map is visible to anyone when public, else to its owner and its invited collaborators; the owner and
 *       {@code edit} collaborators edit it; only the owner deletes it or changes who may see it;
 *   <li>a layer is visible when global, created by the caller, or on a map the caller may see; its creator edits
 *       it, and so does anyone who may edit a map it is on when it is {@code editable = everyone};
 *   <li>the owner and collaborators (not other viewers of a public map) see who the map is shared with; a
 *       collaborator may leave a map;
 *   <li>signed-in users who may see a map or layer comment on it; only a comment's author edits it; its author and
 *       whoever may edit the map (layer) resolve it; its author and the map's owner (the layer's creator) delete it;
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

  /** The owner and the collaborators: who may see whom the map is shared with. */
  public boolean isMember(Caller caller, WebMap map) {
    return caller.admin() || caller.is(map.createdBy()) || collaboration(caller, map).isPresent();
  }

  /** Removing a collaborator: the owner, or the collaborator leaving. */
  public boolean canRemoveCollaborator(Caller caller, WebMap map, UUID userId) {
    return canAdminister(caller, map) || caller.is(userId);
  }

  public boolean canComment(Caller caller, WebMap map) {
    return !caller.anonymousCaller() && canView(caller, map);
  }

  public boolean canComment(Caller caller, Layer layer) {
    return !caller.anonymousCaller() && canView(caller, layer);
  }

  /** Changing a comment's text belongs to its author alone. */
  public boolean canEditComment(Caller caller, UUID authorId) {
    return caller.is(authorId);
  }

  public boolean canResolveComment(Caller caller, UUID authorId, WebMap map) {
    return caller.is(authorId) || canEdit(caller, map);
  }

  public boolean canResolveComment(Caller caller, UUID authorId, Layer layer) {
    return caller.is(authorId) || canEdit(caller, layer);
  }

  public boolean canDeleteComment(Caller caller, UUID authorId, WebMap map) {
    return caller.is(authorId) || canAdminister(caller, map);
  }

  public boolean canDeleteComment(Caller caller, UUID authorId, Layer layer) {
    return caller.is(authorId) || canDelete(caller, layer);
  }

  /** The part of {@link #canView(Caller, Layer)} decided without the database: global, admin, owner. */
  public boolean canViewAtSight(Caller caller, Layer layer) {
    return layer.isGlobal() || caller.admin() || caller.is(layer.createdBy());
  }

  public boolean canView(Caller caller, Layer layer) {
    if (canViewAtSight(caller, layer)) {
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

  /** Deleting a layer belongs to its creator. */
  public boolean canDelete(Caller caller, Layer layer) {
    return caller.admin() || caller.is(layer.createdBy());
  }

  private Optional<String> collaboration(Caller caller, WebMap map) {
    if (caller.anonymousCaller()) {
      return Optional.empty();
    }
    return maps.collaboratorPermission(map.id(), caller.userId());
  }
}
