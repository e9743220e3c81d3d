package dev.tessera.engine.geojson;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature read from GeoJSON.
 *
 * @param geometry valid, 2D JTS geometry in EPSG:4326 longitude/latitude (SRID 4326)
 * @param propertiesJson the feature's {@code properties} object as compact JSON text, keys, order and number text
 *     kept exactly; {@code "{}"} when properties were absent or null
 */
public record GeoJsonFeature(Geometry geometry, String propertiesJson) {
  public GeoJsonFeature {
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(propertiesJson, "propertiesJson");
    if (!propertiesJson.startsWith("{") || !propertiesJson.endsWith("}")) {
      throw new IllegalArgumentException("propertiesJson must be a JSON object");
    }
  }
}
