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
   * Whether this vector layer's low-zoom tiles show clusters instead of every point: a layer of points, declared so
   * ({@code source_config.geometryType} Point or MultiPoint) or declaring no type (or "Geometry") while every feature
   * it holds is a point (the server-kept {@code pointsOnly}), unless it opts out with {@code "cluster": false}. A
   * mixed layer that receives its first line or polygon stops clustering with that write's new version.
   */
  public boolean clustered() {
    if (sourceType != SourceType.VECTOR || sourceConfig == null || !sourceConfig.path("cluster").asBoolean(true)) {
      return false;
    }
    String type = sourceConfig.path("geometryType").asString("");
    return switch (type) {
      case "Point", "MultiPoint" -> true;
      case "", "Geometry" -> sourceConfig.path("pointsOnly").asBoolean(false);
      default -> false;
    };
  }

  public Layer withSourceConfig(ObjectNode config, Instant now) {
    return new Layer(
        id, name, slug, sourceType, description, category, createdBy, editable, isGlobal, config, styleConfig, legendConfig,
        metadata, version, createdAt, now);
  }
}
