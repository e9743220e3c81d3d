package dev.tessera.server.layer.config;

import dev.tessera.server.layer.SourceType;
import dev.tessera.server.problem.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates {@code source_config} per source type (DESIGN.md §3) and returns it normalised. Every failure is a 400
 * naming the field by path. Unknown keys are refused, so a misspelt parameter cannot be silently ignored.
 * Stateless and thread-safe.
 */
public final class SourceConfigValidator {
  static final String ROOT = "source_config";
  private static final Set<String> TEMPORAL_RESOLUTIONS = Set.of("hourly", "daily", "monthly", "yearly");
  private static final Set<String> RESAMPLING = Set.of("nearest", "bilinear", "cubic");
  private static final Set<String> GEOMETRY_TYPES =
      Set.of(
          "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection",
          "Geometry");

  private SourceConfigValidator() {}

  /** The validated configuration; for vector layers the server-kept keys are left for the caller to fill. */
  public static ObjectNode validate(SourceType type, JsonNode config) {
    ConfigFields f = ConfigFields.of(config, ROOT);
    switch (type) {
      case WMS -> wms(f);
      case WMTS -> wmts(f);
      case GEOTIFF -> geotiff(f);
      case VECTOR -> vector(f);
      case PMTILES -> pmtiles(f);
    }
    return f.node();
  }

  private static void wms(ConfigFields f) {
    f.allowOnly(Set.of("url", "layers", "version", "format", "transparent", "styles", "temporal", "dimensions", "crs"));
    url(f, "url", true);
    f.string("layers", true);
    f.oneOf("version", Set.of("1.1.1", "1.3.0"), false);
    // the CRS to ask the service in: EPSG:3857 (the default), or geographic for services without it (reprojected)
    f.oneOf("crs", Set.of("EPSG:3857", "EPSG:4326", "CRS:84"), false);
    imageFormat(f, "format");
    f.bool("transparent");
    f.string("styles", false);
    temporal(f, false);
    dimensions(f);
  }

  private static void wmts(ConfigFields f) {
    f.allowOnly(Set.of("url", "urlTemplate", "layer", "tileMatrixSet", "format", "style", "dimensions"));
    boolean capabilities = f.has("url");
    boolean template = f.has("urlTemplate");
    if (capabilities == template) {
      throw ApiException.invalidField(
          ROOT + ".url", "Give exactly one of 'source_config.url' (capabilities) or 'source_config.urlTemplate'.");
    }
    if (capabilities) {
      url(f, "url", true);
      f.string("layer", true);
    } else {
      String t = f.string("urlTemplate", true);
      String filled =
          t.replaceAll("\\{(TileMatrix|TileRow|TileCol|z|x|y|Style|TileMatrixSet|Time)}", "0")
              .replaceAll("\\{[A-Za-z]+}", "0");
      if (!t.matches("(?s).*\\{(TileMatrix|z)}.*") || !t.matches("(?s).*\\{(TileRow|y)}.*")
          || !t.matches("(?s).*\\{(TileCol|x)}.*")) {
        throw f.fail("urlTemplate", "must contain {TileMatrix}, {TileRow} and {TileCol} (or {z}, {y}, {x})");
      }
      String problem = SourceLocations.httpProblem(filled);
      if (problem != null) {
        throw f.fail("urlTemplate", problem);
      }
      f.string("layer", false);
    }
    f.string("tileMatrixSet", false);
    imageFormat(f, "format");
    f.string("style", false);
    dimensions(f);
  }

  private static void geotiff(ConfigFields f) {
    f.allowOnly(
        Set.of("delivery", "url", "cogUrl", "cogUrlTemplate", "tileServer", "bounds", "temporal", "tileParams"));
    f.oneOf("delivery", Set.of("direct", "tiles"), false);
    int given = (f.has("url") ? 1 : 0) + (f.has("cogUrl") ? 1 : 0) + (f.has("cogUrlTemplate") ? 1 : 0);
    if (given != 1) {
      throw ApiException.invalidField(
          ROOT + ".cogUrl", "Give exactly one of 'source_config.url', 'source_config.cogUrl' or 'source_config.cogUrlTemplate'.");
    }
    for (String key : new String[] {"url", "cogUrl"}) {
      String location = f.string(key, false);
      if (location != null) {
        String problem = SourceLocations.sourceProblem(location);
        if (problem != null) {
          throw f.fail(key, problem);
        }
      }
    }
    String template = f.string("cogUrlTemplate", false);
    if (template != null) {
      String problem = SourceLocations.templateProblem(template);
      if (problem != null) {
        throw f.fail("cogUrlTemplate", problem);
      }
    }
    url(f, "tileServer", false);
    bounds(f, "bounds");
    ConfigFields temporal = temporal(f, template != null);
    if (template != null && (temporal == null || !Boolean.TRUE.equals(temporal.bool("enabled")))) {
      throw ApiException.invalidField(
          ROOT + ".temporal", "A 'cogUrlTemplate' needs 'source_config.temporal' with enabled, start, end and resolution.");
    }
    TileParamsValidator.validate(f.object("tileParams"));
  }

  private static void vector(ConfigFields f) {
    f.allowOnly(Set.of("geometryType", "featureCount", "bounds", "pointsOnly", "cluster"));
    f.oneOf("geometryType", GEOMETRY_TYPES, false);
    f.bool("cluster");
  }

  private static void pmtiles(ConfigFields f) {
    f.allowOnly(Set.of("url", "file"));
    if (f.has("url") == f.has("file")) {
      throw ApiException.invalidField(ROOT + ".url", "Give exactly one of 'source_config.url' or 'source_config.file'.");
    }
    String url = f.string("url", false);
    if (url != null) {
      String problem = url.toLowerCase().startsWith("s3://") ? SourceLocations.sourceProblem(url) : SourceLocations.httpProblem(url);
      if (problem != null) {
        throw f.fail("url", problem);
      }
    }
    String file = f.string("file", false);
    if (file != null) {
      String problem = SourceLocations.pathProblem(file);
      if (problem != null) {
        throw f.fail("file", problem);
      }
      if (!file.toLowerCase().endsWith(".pmtiles") && !file.toLowerCase().endsWith(".mbtiles")) {
        throw f.fail("file", "must be a .pmtiles or .mbtiles archive");
      }
    }
  }

  private static void url(ConfigFields f, String key, boolean required) {
    String url = f.string(key, required);
    if (url != null) {
      String problem = SourceLocations.httpProblem(url);
      if (problem != null) {
        throw f.fail(key, problem);
      }
    }
  }

  private static void imageFormat(ConfigFields f, String key) {
    String format = f.string(key, false);
    if (format != null && !format.startsWith("image/")) {
      throw f.fail(key, "must be an image MIME type such as image/png, was '" + format + "'");
    }
  }

  private static void dimensions(ConfigFields f) {
    ConfigFields dims = f.object("dimensions");
    if (dims == null) {
      return;
    }
    for (String key : dims.node().propertyNames()) {
      JsonNode value = dims.raw(key);
      if (!value.isString() && !value.isNumber()) {
        throw dims.fail(key, "must be a string or a number");
      }
    }
  }

  /** Bounds as [[minLon, minLat], [maxLon, maxLat]] (the layer library's form) or [minLon, minLat, maxLon, maxLat]. */
  static void bounds(ConfigFields f, String key) {
    JsonNode b = f.raw(key);
    if (b == null || b.isNull()) {
      return;
    }
    double[] v = new double[4];
    if (b.isArray() && b.size() == 2 && b.get(0).isArray() && b.get(1).isArray()) {
      JsonNode min = b.get(0);
      JsonNode max = b.get(1);
      if (min.size() != 2 || max.size() != 2) {
        throw f.fail(key, "must be [[minLon, minLat], [maxLon, maxLat]]");
      }
      v = new double[] {num(f, key, min.get(0)), num(f, key, min.get(1)), num(f, key, max.get(0)), num(f, key, max.get(1))};
    } else if (b.isArray() && b.size() == 4) {
      for (int i = 0; i < 4; i++) {
        v[i] = num(f, key, b.get(i));
      }
    } else {
      throw f.fail(key, "must be [[minLon, minLat], [maxLon, maxLat]] or [minLon, minLat, maxLon, maxLat]");
    }
    if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[1] > v[3]) {
      throw f.fail(key, "must lie within longitude -180..180 and latitude -90..90, min before max");
    }
  }

  private static double num(ConfigFields f, String key, JsonNode n) {
    if (n == null || !n.isNumber()) {
      throw f.fail(key, "must hold numbers");
    }
    return n.asDouble();
  }

  private static ConfigFields temporal(ConfigFields f, boolean required) {
    ConfigFields t = f.object("temporal");
    if (t == null) {
      if (required) {
        throw ApiException.invalidField(f.path("temporal"), "Field '" + f.path("temporal") + "' is required.");
      }
      return null;
    }
    t.allowOnly(Set.of("enabled", "parameter", "start", "end", "resolution", "default"));
    Boolean enabled = t.bool("enabled");
    boolean on = Boolean.TRUE.equals(enabled);
    t.string("parameter", false);
    Instant start = time(t, "start", on);
    Instant end = time(t, "end", on);
    time(t, "default", false);
    t.oneOf("resolution", TEMPORAL_RESOLUTIONS, on);
    if (start != null && end != null && start.isAfter(end)) {
      throw t.fail("end", "must not be before start");
    }
    return t;
  }

  private static Instant time(ConfigFields f, String key, boolean required) {
    String value = f.string(key, required);
    if (value == null) {
      return null;
    }
    try {
      return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
          : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw f.fail(key, "must be an ISO 8601 date (2024-01-31) or date-time (2024-01-31T00:00:00Z), was '" + value + "'");
    }
  }

  static Set<String> resampling() {
    return RESAMPLING;
  }
}
