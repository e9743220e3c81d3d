package dev.tessera.server.map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.util.UUID;

/**
 * Placing a layer on a map, or changing how it shows. {@code displayOrder} absent puts a new layer on top.
 */
public record MapLayerInput(
    UUID layerId,
    @Min(0) Integer displayOrder,
    Boolean isVisible,
    @DecimalMin("0") @DecimalMax("1") Double opacity) {}
