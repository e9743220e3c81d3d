package dev.tessera.server.feature;

import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server-kept part of a vector layer's {@code source_config}: {@code featureCount}, {@code bounds} (as
 * [[minLon, minLat], [maxLon, maxLat]]) and {@code pointsOnly} (true while the layer holds features and all of them
 * are points or multipoints), and the check of features against the declared {@code geometryType}.
 */
public final class VectorLayerStats {
  private VectorLayerStats() {}

  static void write(ObjectNode config, FeatureStats stats) {
    config.put("featureCount", stats.count());
    if (stats.bounds() == null) {
      config.remove("bounds");
      config.remove("pointsOnly");
      return;
    }
    config.put("pointsOnly", stats.pointsOnly());
    Envelope b = stats.bounds();
    ArrayNode bounds = config.putArray("bounds");
    bounds.addArray().add(b.getMinX()).add(b.getMinY());
    bounds.addArray().add(b.getMaxX()).add(b.getMaxY());
  }

  public static Envelope bounds(ObjectNode config) {
    var b = config.get("bounds");
    if (b == null || !b.isArray() || b.size() != 2) {
      return null;
    }
    return new Envelope(b.get(0).get(0).asDouble(), b.get(1).get(0).asDouble(), b.get(0).get(1).asDouble(),
        b.get(1).get(1).asDouble());
  }

  /** Whether every feature the layer held so far is a point (true for an empty layer: nothing contradicts it). */
  static boolean pointsOnly(ObjectNode config) {
    return count(config) == 0 || config.path("pointsOnly").asBoolean(false);
  }

  public static long count(ObjectNode config) {
    var n = config.get("featureCount");
    return n == null ? 0 : n.asLong();
  }

  /**
   * Throws if {@code geometry} does not fit the layer's declared type: a Polygon layer takes Polygon and
   * MultiPolygon, and so on; "Geometry" (or no declaration) takes anything.
   */
  static String mismatch(ObjectNode config, Geometry geometry) {
    var declared = config.get("geometryType");
    if (declared == null || declared.isNull()) {
      return null;
    }
    String type = declared.asString();
    if (type.equals("Geometry")) {
      return null;
    }
    String actual = geometry.getGeometryType();
    Set<String> accepted =
        switch (type) {
          case "Point", "MultiPoint" -> Set.of("Point", "MultiPoint");
          case "LineString", "MultiLineString" -> Set.of("LineString", "MultiLineString");
          case "Polygon", "MultiPolygon" -> Set.of("Polygon", "MultiPolygon");
          default -> Set.of(type);
        };
    return accepted.contains(actual) ? null : "The layer holds " + type + " features; this one is a " + actual + ".";
  }
}
