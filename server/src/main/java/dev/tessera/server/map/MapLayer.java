package dev.tessera.server.map;

import java.time.Instant;
import java.util.UUID;

/** A layer placed on a map; {@code displayOrder} stacks bottom (0) to top, as MapLibre draws them. */
public record MapLayer(
    UUID id, UUID mapId, UUID layerId, int displayOrder, boolean isVisible, double opacity, Instant addedAt) {}
