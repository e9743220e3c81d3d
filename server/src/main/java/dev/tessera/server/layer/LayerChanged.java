package dev.tessera.server.layer;

import java.util.UUID;

/**
 * Published inside the transaction that changed or deleted a layer (its row, or its features). Listeners that cache
 * layer state react after commit; the cross-node event bus of a later issue will carry the same event.
 */
public record LayerChanged(UUID layerId) {}
