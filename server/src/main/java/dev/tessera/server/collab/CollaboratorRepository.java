package dev.tessera.server.collab;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who a map is shared with. Implementations are thread-safe. */
public interface CollaboratorRepository {

  /** The map's collaborators with their email and name, in invitation order. */
  List<Collaborator> findByMap(UUID mapId);

  Optional<Collaborator> find(UUID mapId, UUID userId);

  /** Invites the user, or changes the permission of an existing collaborator (keeping invited_at/accepted_at). */
  void upsert(UUID mapId, UUID userId, CollaboratorPermission permission, Instant invitedAt);

  /** Marks the invitation accepted (once: a later call keeps the first time); false if there is none. */
  boolean accept(UUID mapId, UUID userId, Instant acceptedAt);

  boolean delete(UUID mapId, UUID userId);

  /** Invitations of the user not yet accepted, newest first. */
  List<Collaborator> pendingFor(UUID userId);
}
