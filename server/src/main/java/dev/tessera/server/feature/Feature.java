package dev.tessera.server.feature;

import java.time.Instant;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;

/**
 * One stored feature of a vector layer: geometry in EPSG:4326 and properties as JSON object text (kept as text so
 * they pass through to GeoJSON and tiles without being re-parsed).
 */
public record Feature(
    UUID id,
    UUID layerId,
    Geometry geometry,
    String propertiesJson,
    int displayOrder,
    Instant createdAt,
    Instant updatedAt) {}
