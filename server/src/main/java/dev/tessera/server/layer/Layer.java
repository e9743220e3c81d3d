package dev.tessera.server.layer;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A layer in the library. {@code version} grows with every change to the layer or its features: tile caches key on
 * it and it is the layer's ETag. {@code slug} is an optional unique short name (the places API accepts it for the
 * id).
 */
public record Layer(
    UUID id,
    String name,
    String slug,
    SourceType sourceType,
    String description,
    String category,
    UUID createdBy,
    Editable editable,
    boolean isGlobal,
    ObjectNode sourceConfig,
    JsonNode styleConfig,
    JsonNode legendConfig,
    JsonNode metadata,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * Whether this is a vector layer declared to hold points ({@code source_config.geometryType} Point or MultiPoint):
   * such layers are clustered at low zooms, in their vector tiles and in the places API.
   */
  public boolean holdsPoints() {
    String type = sourceConfig == null ? "" : sourceConfig.path("geometryType").asString("");
    return sourceType == SourceType.VECTOR && (type.equals("Point") || type.equals("MultiPoint"));
  }

  public Layer withSourceConfig(ObjectNode config, Instant now) {
    return new Layer(
        id, name, slug, sourceType, description, category, createdBy, editable, isGlobal, config, styleConfig, legendConfig,
        metadata, version, createdAt, now);
  }
}
