package dev.tessera.server.layer;

import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * A layer as a client sends it. On create, {@code name}, {@code source_type} and {@code source_config} are
 * required; on update, absent fields keep their value and {@code source_type} may not change.
 */
public record LayerInput(
    @Size(min = 1, max = 200) String name,
    String slug,
    SourceType sourceType,
    @Size(max = 10_000) String description,
    @Size(max = 100) String category,
    Editable editable,
    Boolean isGlobal,
    JsonNode sourceConfig,
    JsonNode styleConfig,
    JsonNode legendConfig,
    JsonNode metadata) {}
