package dev.tessera.server.places;

import dev.tessera.engine.points.LivePointIndex;
import dev.tessera.engine.points.Place;
import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.tile.WebMercator;
import dev.tessera.engine.vector.PointTileWriter;
import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.layer.Layer;
import org.springframework.stereotype.Component;

/**
 * Vector tiles of point layers at and below the cluster zoom, drawn from the places index so MapLibre shows the same
 * clusters as {@code /api/v1/places}: one MVT layer named like the layer, holding clusters ({@code cluster=true},
 * {@code cluster_id}, {@code point_count}, {@code expansion_zoom}) and single points with their properties and their store fid as MVT id, as in the deeper
 * tiles, so a point keeps one id at every zoom. Above the
 * cluster zoom the ordinary vector tiles serve. Which layers are clustered: {@link Layer#clustered()}. Thread-safe.
 */
@Component
public class ClusterTiles {
  private static final int EXTENT = 4096;

  private final PlaceIndexes indexes;
  private final int buffer;

  ClusterTiles(PlaceIndexes indexes, TesseraProperties properties) {
    this.indexes = indexes;
    this.buffer = properties.tiles().buffer();
  }

  /** Whether {@code coord} of this layer is answered with clusters. */
  public boolean clusters(Layer layer, TileCoord coord) {
    return layer.clustered() && coord.z() <= indexes.options().maxZoom();
  }

  /** The tile's clusters and points as MVT, or null where there are none. */
  public byte[] tile(Layer layer, TileCoord coord) {
    LivePointIndex index = indexes.entry(layer).index;
    double scale = 1L << coord.z();
    double pad = (double) buffer / EXTENT;
    double west = WebMercator.lon((coord.x() - pad) / scale);
    double east = WebMercator.lon((coord.x() + 1 + pad) / scale);
    double north = WebMercator.lat(Math.max(0, (coord.y() - pad) / scale));
    double south = WebMercator.lat(Math.min(1, (coord.y() + 1 + pad) / scale));
    PointTileWriter writer = new PointTileWriter(layer.name(), coord, EXTENT, buffer);
    index.query(
        Math.max(-180, west), south, Math.min(180, east), north, coord.z(),
        place -> {
          if (place.cluster()) {
            writer.add(
                place.clusterId(), place.lon(), place.lat(),
                new Object[] {
                  "cluster", Boolean.TRUE,
                  "cluster_id", DatasetAnswer.clusterId(layer.id(), place.clusterId()),
                  "point_count", (long) place.count(),
                  "expansion_zoom", (long) place.expansionZoom()
                });
          } else {
            StoredPoint stored = (StoredPoint) place.payload();
            writer.add(stored.fid(), place.lon(), place.lat(), stored.properties());
          }
          return true;
        });
    return writer.finish();
  }
}
