package dev.tessera.server.security;

import java.time.Instant;
import java.util.UUID;

/** An API token's record; the token itself is never stored, only its SHA-256. */
public record ApiToken(UUID id, UUID userId, String name, Instant createdAt, Instant lastUsedAt) {}
