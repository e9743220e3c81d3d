package dev.tessera.engine.vector;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature to tile.
 *
 * @param id the MVT feature id (written as an unsigned 64-bit varint, so negative ids read back as large unsigned)
 * @param geometry any JTS geometry in EPSG:4326 longitude/latitude, including Multi* and GeometryCollection
 * @param propertiesJson the properties as the text of one JSON object, e.g. {@code {"name":"Loire","km":1006}}
 */
public record SourceFeature(long id, Geometry geometry, String propertiesJson) {
  public SourceFeature {
    Objects.requireNonNull(geometry, "geometry");
    Objects.requireNonNull(propertiesJson, "propertiesJson");
    String trimmed = propertiesJson.strip();
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      throw new IllegalArgumentException("propertiesJson of feature " + id + " must be a JSON object");
    }
  }
}
