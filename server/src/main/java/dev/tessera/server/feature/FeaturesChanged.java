package dev.tessera.server.feature;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction that wrote features of a layer, beside {@link dev.tessera.server.layer.LayerChanged},
 * so in-memory indexes can apply the change after commit instead of rebuilding. The write took the layer from
 * {@code versionBefore} to {@code versionAfter}.
 *
 * @param upserted features inserted or replaced (empty when {@code complete} is false)
 * @param removed ids of deleted features
 * @param complete false when the write was too large to list (a bulk import): rebuild instead
 */
public record FeaturesChanged(
    UUID layerId, long versionBefore, long versionAfter, List<Feature> upserted, List<UUID> removed, boolean complete) {

  /** Imports up to this many features are listed; larger ones ask listeners to rebuild. */
  public static final int MAX_LISTED = 10_000;
}
