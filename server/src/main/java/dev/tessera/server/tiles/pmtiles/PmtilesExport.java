package dev.tessera.server.tiles.pmtiles;

import dev.tessera.engine.archive.PmtilesWriter;
import dev.tessera.engine.archive.PmtilesWriter.Options;
import dev.tessera.engine.archive.PmtilesWriter.TileCompression;
import dev.tessera.engine.archive.PmtilesWriter.TileType;
import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.tile.WebMercator;
import dev.tessera.engine.vector.VectorTileIndex;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.LayerService;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import dev.tessera.server.tiles.vector.VectorLayerIndexes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a vector layer as a PMTiles v3 archive: the tiles of {@code minZoom..maxZoom} that hold data, cut by the
 * layer's {@link VectorTileIndex} exactly as the tile endpoint serves them, gzipped, with TileJSON-style metadata
 * ({@code vector_layers} from the index's fields). The pyramid is walked depth first from 0/0/0, skipping every tile
 * outside the layer's bounds and every child of an empty tile (a child's buffered area lies inside its parent's, so
 * it is empty too). Used by the HTTP API and the {@code export-pmtiles} command. Thread-safe.
 */
@Component
public class PmtilesExport {
  /** Deepest zoom an export may reach: z16 is street level, and the tile count grows fourfold per zoom. */
  public static final int MAX_ZOOM = 16;

  /** Told of progress as tiles are visited; {@code estimatedTiles} counts every tile in the bounds (an upper bound). */
  @FunctionalInterface
  public interface Progress {
    void visited(long visitedTiles, long estimatedTiles);
  }

  /** What was written. */
  public record Result(Layer layer, long tiles) {}

  private final LayerService layers;
  private final VectorLayerIndexes indexes;

  PmtilesExport(LayerService layers, VectorLayerIndexes indexes) {
    this.layers = layers;
    this.indexes = indexes;
  }

  /** Checks the zoom range: 0 ≤ min ≤ max ≤ {@value #MAX_ZOOM}, else 400 {@code invalid_zoom_range}. */
  public static void checkZooms(int minZoom, int maxZoom) {
    if (minZoom < 0 || maxZoom > MAX_ZOOM || minZoom > maxZoom) {
      throw ApiException.badRequest(
              "invalid_zoom_range",
              "The zoom range must satisfy 0 <= minzoom <= maxzoom <= " + MAX_ZOOM + ", was " + minZoom + ".."
                  + maxZoom + ".")
          .with("parameter", minZoom < 0 || minZoom > maxZoom ? "minzoom" : "maxzoom");
    }
  }

  /** Writes layer {@code layerId} (which {@code caller} must be able to see) to {@code output}. */
  public Result export(Caller caller, UUID layerId, int minZoom, int maxZoom, Path output, Progress progress)
      throws IOException {
    checkZooms(minZoom, maxZoom);
    Layer layer = layers.visible(caller, layerId);
    if (layer.sourceType() != SourceType.VECTOR) {
      throw ApiException.badRequest(
          "unsupported_export", "Only vector layers export to PMTiles; layer " + layerId + " is " + layer.sourceType().value() + ".");
    }
    VectorTileIndex index = indexes.index(layer);
    Envelope bounds = index.bounds() == null || index.bounds().isNull() ? null : index.bounds();
    Envelope headerBounds = bounds == null ? new Envelope(-180, 180, -85.051129, 85.051129) : bounds;
    var options =
        new Options(TileType.MVT, TileCompression.GZIP, minZoom, maxZoom, headerBounds, Math.max(minZoom, Math.min(maxZoom, 2)));
    try (PmtilesWriter writer = PmtilesWriter.create(output, options)) {
      if (bounds != null) {
        var walk = new Walk(layer, index, bounds, minZoom, maxZoom, writer, progress);
        walk.visit(TileCoord.of(0, 0, 0));
        progress.visited(walk.visited, walk.visited);
      }
      writer.finish(metadata(layer, index, minZoom, maxZoom));
      return new Result(layer, writer.tileCount());
    }
  }

  private static String metadata(Layer layer, VectorTileIndex index, int minZoom, int maxZoom) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", layer.name());
    metadata.put("description", layer.description() == null ? "" : layer.description());
    metadata.put("version", "1.0." + layer.version());
    metadata.put("type", "overlay");
    metadata.put("format", "pbf");
    metadata.put("generator", "tessera");
    metadata.put("vector_layers", List.of(VectorLayerIndexes.vectorLayer(layer, index, minZoom, maxZoom)));
    return JsonMapper.shared().writeValueAsString(metadata);
  }

  /** One depth-first walk of the pyramid; not thread-safe. */
  private static final class Walk {
    private final Layer layer;
    private final VectorTileIndex index;
    private final Envelope bounds;
    private final int minZoom;
    private final int maxZoom;
    private final PmtilesWriter writer;
    private final Progress progress;
    private final long estimate;
    private long visited;

    Walk(Layer layer, VectorTileIndex index, Envelope bounds, int minZoom, int maxZoom, PmtilesWriter writer, Progress progress) {
      this.layer = layer;
      this.index = index;
      this.bounds = bounds;
      this.minZoom = minZoom;
      this.maxZoom = maxZoom;
      this.writer = writer;
      this.progress = progress;
      this.estimate = estimate();
    }

    void visit(TileCoord coord) throws IOException {
      Envelope reach = coord.lonLatBounds();
      reach.expandBy(reach.getWidth() / 2, reach.getHeight() / 2); // more than any tile buffer reaches out
      if (!reach.intersects(bounds)) {
        return;
      }
      if (coord.z() >= minZoom) {
        visited++;
        byte[] raw = index.tile(coord, layer.name());
        if ((visited & 0xFF) == 0) {
          progress.visited(visited, estimate);
        }
        if (raw == null) {
          return; // no data here, so none in any child
        }
        writer.addTile(coord, PmtilesWriter.gzip(raw));
      }
      if (coord.z() < maxZoom) {
        int x = coord.x() * 2;
        int y = coord.y() * 2;
        int z = coord.z() + 1;
        visit(TileCoord.of(z, x, y));
        visit(TileCoord.of(z, x + 1, y));
        visit(TileCoord.of(z, x, y + 1));
        visit(TileCoord.of(z, x + 1, y + 1));
      }
    }

    /** Tiles of minZoom..maxZoom whose bounds meet the data's. */
    private long estimate() {
      long total = 0;
      for (int z = minZoom; z <= maxZoom; z++) {
        long n = 1L << z;
        long columns = cell(WebMercator.x(bounds.getMaxX()), n) - cell(WebMercator.x(bounds.getMinX()), n) + 1;
        long rows = cell(WebMercator.y(bounds.getMinY()), n) - cell(WebMercator.y(bounds.getMaxY()), n) + 1;
        total += columns * rows;
      }
      return total;
    }

    private static long cell(double unit, long n) {
      return Math.clamp((long) Math.floor(unit * n), 0, n - 1);
    }
  }
}
