package dev.tessera.server.map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

/**
 * A map as a client sends it. On create, {@code name} is required and the rest default; on update, absent (null)
 * fields keep their value.
 */
public record MapInput(
    @Size(min = 1, max = 200) String name,
    @Size(max = 10_000) String description,
    @DecimalMin("-90") @DecimalMax("90") Double centerLat,
    @DecimalMin("-180") @DecimalMax("180") Double centerLng,
    @DecimalMin("0") @DecimalMax("24") Double zoom,
    @Size(max = 2000) String basemap,
    PermissionLevel permissionLevel) {}
