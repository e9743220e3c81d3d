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

  /**
   * The stats after one feature's geometry {@code removed} (null: none) gave way to {@code added} (null: none), from
   * the stats kept in {@code config}; null when only a scan of the layer can tell: the removed geometry reached the
   * edge of the layer's bounds (they may shrink), or it was the kind of geometry that kept the layer from being
   * points only. Otherwise the count moves by one at most, the bounds grow to take the added geometry, and the layer
   * stays points-only only if the added geometry is a point. So moving or deleting one of a million points costs no
   * scan of the other 999,999.
   */
  static FeatureStats afterChange(ObjectNode config, Geometry removed, Geometry added) {
    long count = count(config) - (removed == null ? 0 : 1) + (added == null ? 0 : 1);
    Envelope bounds = bounds(config);
    boolean pointsOnly = pointsOnly(config);
    if (removed != null) {
      Envelope r = removed.getEnvelopeInternal();
      boolean atEdge = bounds == null || r.getMinX() <= bounds.getMinX() || r.getMinY() <= bounds.getMinY()
          || r.getMaxX() >= bounds.getMaxX() || r.getMaxY() >= bounds.getMaxY();
      boolean mayBecomePointsOnly = !pointsOnly && removed.getDimension() > 0 && (added == null || added.getDimension() == 0);
      if (atEdge || mayBecomePointsOnly) {
        return null;
      }
    }
    if (count <= 0) {
      return new FeatureStats(0, null, false);
    }
    Envelope grown = new Envelope(bounds == null ? new Envelope() : bounds);
    if (added != null) {
      grown.expandToInclude(added.getEnvelopeInternal());
      pointsOnly &= added.getDimension() == 0;
    }
    return new FeatureStats(count, grown, pointsOnly);
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
