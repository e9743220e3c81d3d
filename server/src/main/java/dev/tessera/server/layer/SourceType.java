package dev.tessera.server.layer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a layer's data comes from; decides how {@code source_config} is validated and how tiles are served. */
public enum SourceType {
  WMS,
  WMTS,
  GEOTIFF,
  VECTOR,
  PMTILES;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static SourceType of(String value) {
    for (SourceType type : values()) {
      if (type.value().equals(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "source_type must be one of wms, wmts, geotiff, vector, pmtiles, was '" + value + "'");
  }
}
