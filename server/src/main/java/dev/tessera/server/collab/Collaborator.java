package dev.tessera.server.collab;

import java.time.Instant;
import java.util.UUID;

/**
 * A user a map is shared with. Access starts with the invitation; {@code acceptedAt} records that the invitee
 * acknowledged it (null while pending), so owners see who has not yet looked.
 */
public record Collaborator(
    UUID mapId,
    UUID userId,
    String email,
    String name,
    CollaboratorPermission permission,
    Instant invitedAt,
    Instant acceptedAt) {}
