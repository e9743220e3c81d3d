package dev.tessera.server.feature;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What an import wrote; {@code repaired} counts geometries fixed because the import asked for repair, {@code skipped} rows left
 * out because it asked to skip bad rows. {@code ids} lists the new features' ids for imports of up to {@value #MAX_IDS} features.
 */
public record ImportResult(
    UUID layerId,
    long imported,
    long repaired,
    long skipped,
    long featureCount,
    JsonNode bounds,
    long layerVersion,
    List<UUID> ids,
    @com.fasterxml.jackson.annotation.JsonIgnore boolean singleFeature) {
  public static final int MAX_IDS = 1000;
}
