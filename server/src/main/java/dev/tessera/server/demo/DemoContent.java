package dev.tessera.server.demo;

import dev.tessera.server.feature.FeatureService;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerInput;
import dev.tessera.server.layer.LayerService;
import dev.tessera.server.map.MapInput;
import dev.tessera.server.map.MapLayerInput;
import dev.tessera.server.map.MapService;
import dev.tessera.server.map.MapView;
import dev.tessera.server.map.PermissionLevel;
import dev.tessera.server.security.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The "North Sea" demo map a new embedded store starts with: a public map with a vector layer of marine protected
 * areas (Dogger Bank, Frisian Front), a WMS-T sea temperature layer and a GeoTIFF bathymetry layer, all in the shared
 * library. Built through the same services as the API, so it is valid by the same rules.
 */
@Component
public class DemoContent {
  private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

  private final MapService maps;
  private final LayerService layers;
  private final FeatureService features;
  private final ObjectMapper json;

  DemoContent(MapService maps, LayerService layers, FeatureService features, ObjectMapper json) {
    this.maps = maps;
    this.layers = layers;
    this.features = features;
    this.json = json;
  }

  public MapView create(UUID adminId) {
    Caller admin = new Caller(adminId, true);
    JsonNode demo = read("demo/north-sea.json");
    MapView map =
        maps.create(
            admin,
            new MapInput(
                "North Sea",
                "Demo map: marine protected areas, sea surface temperature and bathymetry of the North Sea.",
                54.5,
                4.0,
                5.5,
                null,
                PermissionLevel.PUBLIC));
    for (JsonNode layerNode : demo.get("layers")) {
      LayerInput input = json.treeToValue(layerNode.get("layer"), LayerInput.class);
      Layer layer = layers.create(admin, input);
      JsonNode featureCollection = layerNode.get("features");
      if (featureCollection != null) {
        features.importGeoJson(
            admin, layer.id(), new java.io.ByteArrayInputStream(json.writeValueAsBytes(featureCollection)), false, n -> {});
      }
      map = maps.addLayer(admin, map.id(), new MapLayerInput(layer.id(), null, true, layerNode.path("opacity").asDouble(1.0)));
    }
    log.info("Created the demo map 'North Sea' ({}) with {} layers", map.id(), map.layers().size());
    return map;
  }

  private JsonNode read(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("demo content " + resource + " is missing from the jar", e);
    }
  }
}
