package dev.tessera.server.live;

import java.time.Instant;
import java.util.UUID;

/**
 * One change on a map as live clients receive it: {@code id} is the SSE event id (growing per database),
 * {@code type} the SSE event name and {@code data} its JSON.
 */
public record MapEvent(long id, UUID mapId, String type, String data, Instant createdAt) {}
