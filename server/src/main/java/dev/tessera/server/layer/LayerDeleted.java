package dev.tessera.server.layer;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction that deletes a layer, before its rows go, with the maps it was on (their
 * placements are deleted with it), so live clients of those maps hear that it left.
 */
public record LayerDeleted(UUID layerId, List<UUID> mapIds) {}
