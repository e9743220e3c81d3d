package dev.tessera.server.map;

import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.SourceType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A map with its layers, bottom to top, as {@code GET /api/maps/{id}} returns it. */
public record MapView(
    UUID id,
    String name,
    String description,
    double centerLat,
    double centerLng,
    double zoom,
    String basemap,
    PermissionLevel permissionLevel,
    UUID createdBy,
    long version,
    Instant createdAt,
    Instant updatedAt,
    List<LayerOnMap> layers) {

  /** One layer on the map: its placement and a summary of the layer. */
  public record LayerOnMap(
      UUID id,
      UUID layerId,
      int displayOrder,
      boolean isVisible,
      double opacity,
      Instant addedAt,
      String name,
      SourceType sourceType,
      String category,
      long layerVersion) {

    static LayerOnMap of(MapLayer placement, Layer layer) {
      return new LayerOnMap(
          placement.id(),
          placement.layerId(),
          placement.displayOrder(),
          placement.isVisible(),
          placement.opacity(),
          placement.addedAt(),
          layer.name(),
          layer.sourceType(),
          layer.category(),
          layer.version());
    }
  }

  static MapView of(WebMap m, List<LayerOnMap> layers) {
    return new MapView(
        m.id(),
        m.name(),
        m.description(),
        m.centerLat(),
        m.centerLng(),
        m.zoom(),
        m.basemap(),
        m.permissionLevel(),
        m.createdBy(),
        m.version(),
        m.createdAt(),
        m.updatedAt(),
        layers);
  }
}
