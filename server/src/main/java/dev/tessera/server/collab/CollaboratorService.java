package dev.tessera.server.collab;

import dev.tessera.server.live.MapEvents;
import dev.tessera.server.map.MapRepository;
import dev.tessera.server.map.WebMap;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.AccessPolicy;
import dev.tessera.server.security.Caller;
import dev.tessera.server.store.Rows;
import dev.tessera.server.user.User;
import dev.tessera.server.user.UserRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing a map: the owner invites users by id or email as viewers or editors, changes or revokes their permission;
 * an invitee accepts or leaves. Invitations grant access at once. Thread-safe.
 */
@Service
public class CollaboratorService {
  private final CollaboratorRepository collaborators;
  private final MapRepository maps;
  private final UserRepository users;
  private final AccessPolicy access;
  private final MapEvents events;

  CollaboratorService(
      CollaboratorRepository collaborators,
      MapRepository maps,
      UserRepository users,
      AccessPolicy access,
      MapEvents events) {
    this.collaborators = collaborators;
    this.maps = maps;
    this.users = users;
    this.access = access;
    this.events = events;
  }

  /** An invitation as the owner sends it: exactly one of {@code userId} and {@code email}. */
  public record Invitation(UUID userId, String email, CollaboratorPermission permission) {}

  /** The collaborator and whether the invitation is new (201) or changed an existing one (200). */
  public record Invited(Collaborator collaborator, boolean created) {}

  @Transactional(readOnly = true)
  public List<Collaborator> list(Caller caller, UUID mapId) {
    requireSignedIn(caller);
    WebMap map = visible(caller, mapId, false);
    if (!access.isMember(caller, map)) {
      throw ApiException.forbidden("Only the map's owner and collaborators see whom it is shared with.");
    }
    return collaborators.findByMap(mapId);
  }

  @Transactional
  public Invited invite(Caller caller, UUID mapId, Invitation invitation) {
    requireSignedIn(caller);
    WebMap map = visible(caller, mapId, true);
    if (!access.canAdminister(caller, map)) {
      throw ApiException.forbidden("Only the map's owner shares it.");
    }
    User user = invitee(invitation);
    if (user.id().equals(map.createdBy())) {
      throw ApiException.badRequest("owner_not_collaborator", "The map's owner cannot be invited to it.")
          .with("field", invitation.userId() != null ? "user_id" : "email");
    }
    if (invitation.permission() == null) {
      throw ApiException.invalidField("permission", "Field 'permission' is required: view or edit.");
    }
    boolean created = collaborators.find(mapId, user.id()).isEmpty();
    collaborators.upsert(mapId, user.id(), invitation.permission(), Rows.now());
    events.publish(
        mapId, "collaborators_changed", Map.of("map_id", mapId, "user_id", user.id(), "permission", invitation.permission()));
    return new Invited(collaborators.find(mapId, user.id()).orElseThrow(), created);
  }

  /** The owner revokes a collaborator, or a collaborator leaves. */
  @Transactional
  public void remove(Caller caller, UUID mapId, UUID userId) {
    requireSignedIn(caller);
    WebMap map = visible(caller, mapId, true);
    if (!access.canRemoveCollaborator(caller, map, userId)) {
      throw ApiException.forbidden("Only the map's owner removes collaborators (collaborators may leave).");
    }
    if (!collaborators.delete(mapId, userId)) {
      throw ApiException.notFound("collaborator", userId);
    }
    events.publish(mapId, "collaborator_removed", Map.of("map_id", mapId, "user_id", userId));
  }

  /** The caller accepts their invitation to the map (again: no change). */
  @Transactional
  public Collaborator accept(Caller caller, UUID mapId) {
    requireSignedIn(caller);
    visible(caller, mapId, false);
    if (!collaborators.accept(mapId, caller.userId(), Rows.now())) {
      throw ApiException.notFound("invitation to map", mapId);
    }
    Collaborator accepted = collaborators.find(mapId, caller.userId()).orElseThrow();
    events.publish(mapId, "collaborators_changed", Map.of("map_id", mapId, "user_id", caller.userId(), "accepted", true));
    return accepted;
  }

  @Transactional(readOnly = true)
  public List<Collaborator> pending(Caller caller) {
    requireSignedIn(caller);
    return collaborators.pendingFor(caller.userId());
  }

  private User invitee(Invitation invitation) {
    boolean byId = invitation.userId() != null;
    boolean byEmail = invitation.email() != null && !invitation.email().isBlank();
    if (byId == byEmail) {
      throw ApiException.invalidField("user_id", "Give exactly one of 'user_id' and 'email'.");
    }
    if (byId) {
      return users
          .findById(invitation.userId())
          .orElseThrow(
              () ->
                  ApiException.badRequest("unknown_user", "No user with id " + invitation.userId() + ".")
                      .with("field", "user_id"));
    }
    return users
        .findByEmail(invitation.email().trim())
        .orElseThrow(
            () ->
                ApiException.badRequest(
                        "unknown_user",
                        "No user with email " + invitation.email().trim() + "; they must sign in once first.")
                    .with("field", "email"));
  }

  private WebMap visible(Caller caller, UUID mapId, boolean lock) {
    var map = lock ? maps.lock(mapId) : maps.findById(mapId);
    return map.filter(m -> access.canView(caller, m)).orElseThrow(() -> ApiException.notFound("map", mapId));
  }

  private static void requireSignedIn(Caller caller) {
    if (caller.anonymousCaller()) {
      throw ApiException.unauthorized("Sign in to share maps.");
    }
  }
}
