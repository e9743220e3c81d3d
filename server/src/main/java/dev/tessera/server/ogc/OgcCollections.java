package dev.tessera.server.ogc;

import static dev.tessera.server.ogc.OgcLinks.GEO_JSON;
import static dev.tessera.server.ogc.OgcLinks.JSON;
import static dev.tessera.server.ogc.OgcLinks.link;

import dev.tessera.server.feature.VectorLayerStats;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerFilter;
import dev.tessera.server.layer.LayerService;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.ogc.OgcDocuments.Collection;
import dev.tessera.server.ogc.OgcDocuments.Extent;
import dev.tessera.server.ogc.OgcDocuments.SpatialExtent;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Vector layers seen as OGC feature collections. Which layers a caller sees is {@link LayerService}'s decision, the
 * same as under {@code /api}; a layer that is hidden or not a vector layer is no collection (404). Thread-safe.
 */
@Component
class OgcCollections {
  private static final LayerFilter VECTOR = new LayerFilter(SourceType.VECTOR, null, null);

  private final LayerService layers;

  OgcCollections(LayerService layers) {
    this.layers = layers;
  }

  List<Layer> visible(Caller caller) {
    return layers.list(caller, VECTOR);
  }

  Layer visible(Caller caller, UUID collectionId) {
    Layer layer;
    try {
      layer = layers.get(caller, collectionId);
    } catch (ApiException e) {
      throw e.status() == HttpStatus.NOT_FOUND ? notFound(collectionId) : e;
    }
    if (layer.sourceType() != SourceType.VECTOR) {
      throw notFound(collectionId);
    }
    return layer;
  }

  static Collection describe(Layer layer, OgcLinks links) {
    Envelope bounds = VectorLayerStats.bounds(layer.sourceConfig());
    Extent extent =
        bounds == null
            ? null
            : new Extent(
                new SpatialExtent(
                    List.of(new double[] {bounds.getMinX(), bounds.getMinY(), bounds.getMaxX(), bounds.getMaxY()}),
                    OgcDocuments.CRS84));
    return new Collection(
        layer.id().toString(),
        layer.name(),
        layer.description(),
        extent,
        "feature",
        List.of(OgcDocuments.CRS84),
        List.of(
            link(links.collection(layer.id()), "self", JSON, "This collection"),
            link(links.items(layer.id()), "items", GEO_JSON, "Features of " + layer.name()),
            link(links.collection(layer.id()) + "/tiles", "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", JSON,
                "Vector tilesets of " + layer.name())));
  }

  private static ApiException notFound(UUID id) {
    return ApiException.notFound("collection", id);
  }
}
