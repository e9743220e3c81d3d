package dev.tessera.server.style;

import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.map.MapView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Turns a map into a MapLibre style (spec version 8): one source per layer, stacked bottom to top as the author
 * ordered them, each with the map's opacity and visibility for it. Vector layers become fill, line and circle layers
 * (filtered by geometry type) styled from {@code style_config}, point layers' clusters sized by their count; raster
 * layers (wms, wmts, geotiff, pmtiles of images) become raster sources on Tessera's tile endpoints. Stateless.
 */
final class MapStyleBuilder {
  private static final String DEFAULT_STROKE = "#3b82f6";
  private static final String DEFAULT_FILL = "#3b82f6";

  private MapStyleBuilder() {}

  static Map<String, Object> build(MapView map, List<Layer> layers, String baseUrl) {
    Map<String, Object> sources = new LinkedHashMap<>();
    List<Object> styleLayers = new ArrayList<>();
    styleLayers.add(Map.of("id", "background", "type", "background", "paint", Map.of("background-color", "#dfe8ef")));
    for (int i = 0; i < map.layers().size(); i++) {
      MapView.LayerOnMap placement = map.layers().get(i);
      Layer layer = layers.get(i);
      String sourceId = "layer-" + layer.id();
      String visibility = placement.isVisible() ? "visible" : "none";
      double opacity = placement.opacity();
      String tiles = baseUrl + "/api/layers/" + layer.id() + "/tiles/{z}/{x}/{y}";
      if (layer.sourceType() == SourceType.VECTOR) {
        sources.put(
            sourceId,
            Map.of(
                "type", "vector",
                "tiles", List.of(tiles + ".mvt?v=" + layer.version()),
                "minzoom", 0,
                "maxzoom", 22));
        styleLayers.addAll(vectorLayers(layer, sourceId, visibility, opacity));
      } else {
        sources.put(
            sourceId,
            Map.of("type", "raster", "tiles", List.of(tiles + "." + imageExtension(layer) + "?v=" + layer.version()),
                "tileSize", 256));
        styleLayers.add(
            Map.of(
                "id", sourceId,
                "type", "raster",
                "source", sourceId,
                "layout", Map.of("visibility", visibility),
                "paint", Map.of("raster-opacity", opacity * number(style(layer), "opacity", 1))));
      }
    }
    Map<String, Object> style = new LinkedHashMap<>();
    style.put("version", 8);
    style.put("name", map.name());
    style.put("center", List.of(map.centerLng(), map.centerLat()));
    style.put("zoom", map.zoom());
    style.put("metadata", Map.of("tessera:map_id", map.id().toString(), "tessera:version", map.version()));
    style.put("sources", sources);
    style.put("layers", styleLayers);
    return style;
  }

  private static List<Object> vectorLayers(Layer layer, String sourceId, String visibility, double opacity) {
    JsonNode s = style(layer);
    Colors.Color stroke = Colors.parse(text(s, "stroke"), DEFAULT_STROKE);
    Colors.Color fill = Colors.parse(text(s, "fill"), DEFAULT_FILL);
    double fillOpacity = number(s, "fillOpacity", fill.alpha() < 1 ? fill.alpha() : 0.3);
    double strokeWidth = number(s, "strokeWidth", 1.5);
    Colors.Color pointColor = Colors.parse(text(s, "pointColor"), stroke.css());
    double pointSize = number(s, "pointSize", 5);
    String sourceLayer = layer.name();
    Map<String, Object> layout = Map.of("visibility", visibility);
    List<Object> result = new ArrayList<>();
    result.add(
        Map.of(
            "id", sourceId + "-fill",
            "type", "fill",
            "source", sourceId,
            "source-layer", sourceLayer,
            "filter", List.of("==", List.of("geometry-type"), "Polygon"),
            "layout", layout,
            "paint", Map.of("fill-color", fill.css(), "fill-opacity", clamp(fillOpacity * opacity))));
    result.add(
        Map.of(
            "id", sourceId + "-line",
            "type", "line",
            "source", sourceId,
            "source-layer", sourceLayer,
            "filter", List.of("in", List.of("geometry-type"), List.of("literal", List.of("LineString", "Polygon"))),
            "layout", layout,
            "paint",
                Map.of(
                    "line-color", stroke.css(),
                    "line-width", strokeWidth,
                    "line-opacity", clamp(stroke.alpha() * opacity))));
    result.add(
        Map.of(
            "id", sourceId + "-circle",
            "type", "circle",
            "source", sourceId,
            "source-layer", sourceLayer,
            "filter", List.of("==", List.of("geometry-type"), "Point"),
            "layout", layout,
            "paint",
                Map.of(
                    "circle-color", pointColor.css(),
                    "circle-radius", layer.clustered() ? clusterRadius(pointSize) : pointSize,
                    "circle-opacity", clamp(pointColor.alpha() * opacity),
                    "circle-stroke-color", "#ffffff",
                    "circle-stroke-width", 1)));
    return result;
  }

  /** JPEG for WMS and WMTS layers configured so (photos, no transparency), PNG otherwise. */
  private static String imageExtension(Layer layer) {
    String format = layer.sourceConfig() == null ? "" : layer.sourceConfig().path("format").asString("");
    boolean proxied = layer.sourceType() == SourceType.WMS || layer.sourceType() == SourceType.WMTS;
    return proxied && format.toLowerCase(java.util.Locale.ROOT).contains("jpeg") ? "jpg" : "png";
  }

  /**
   * Point layers' low-zoom tiles hold clusters (see places/ClusterTiles): a cluster's circle grows with the points it
   * stands for, so a dense area still reads as dense when its 100,000 points arrive as a few hundred clusters.
   */
  private static List<Object> clusterRadius(double pointSize) {
    return List.of(
        "case",
        List.of("has", "point_count"),
        List.of("interpolate", List.of("linear"), List.of("get", "point_count"),
            2, pointSize + 3, 100, pointSize + 8, 10000, pointSize + 16),
        pointSize);
  }

  private static JsonNode style(Layer layer) {
    return layer.styleConfig() == null ? MissingNode.getInstance() : layer.styleConfig();
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v != null && v.isString() ? v.asString() : null;
  }

  private static double number(JsonNode node, String key, double fallback) {
    JsonNode v = node.get(key);
    return v != null && v.isNumber() ? v.asDouble() : fallback;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
