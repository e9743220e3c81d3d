package dev.tessera.server.user;

import java.time.Instant;
import java.util.UUID;

/**
 * A person known to Tessera: signed in locally or through an identity provider ({@code externalId} is then the
 * provider's subject).
 */
public record User(
    UUID id, String externalId, String email, String name, String avatarUrl, Instant createdAt, Instant updatedAt) {}
