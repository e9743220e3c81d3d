package dev.tessera.server.map;

import java.util.UUID;

/**
 * Published inside the transaction that changed a map or the layers on it, so live clients of the map hear of it
 * once the change commits.
 *
 * @param change {@code map_updated}, {@code map_deleted}, {@code layer_added}, {@code layer_removed}, {@code layer_updated} (visibility,
 *     opacity, order of one layer) or {@code layers_reordered}
 * @param layerId the layer concerned, or null
 */
public record MapChanged(UUID mapId, String change, UUID layerId) {}
