package dev.tessera.server.map;

import java.time.Instant;
import java.util.UUID;

/**
 * A map as its author composed it: name, initial view, basemap and who may see it. Named {@code WebMap} so it does
 * not shadow {@link java.util.Map}. {@code version} grows with every change and is the map's ETag.
 */
public record WebMap(
    UUID id,
    String name,
    String description,
    double centerLat,
    double centerLng,
    double zoom,
    String basemap,
    PermissionLevel permissionLevel,
    UUID createdBy,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
