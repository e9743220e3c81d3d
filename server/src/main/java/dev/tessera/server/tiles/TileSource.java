package dev.tessera.server.tiles;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.server.problem.ApiException;
import java.util.Map;

/**
 * Where one layer's tiles come from: the in-memory vector index, a PMTiles or MBTiles archive… {@link TileController}
 * does permissions, caching and HTTP for all of them. Implementations are thread-safe: one instance serves every
 * request for its layer.
 */
public interface TileSource {

  /** The encoding of every tile of this source; requests for another extension answer 400. */
  TileFormat format();

  /** The tile at {@code coord}, or null where the source has no data. */
  Tile tile(TileCoord coord);

  /**
   * True when a tile is computed in this process from memory, with no outbound or disk I/O whose failure must be
   * reported: the fast path ({@link TileFilter}) then renders a cache miss itself instead of handing the request to
   * Spring MVC.
   */
  default boolean rendersInMemory() {
    return false;
  }

  /** Bounds, zoom range and vector layers, for TileJSON. */
  TileSetInfo info();

  /**
   * The variant a request asks for: the URL {@code extension}, the pixel {@code scale} ({@code @2x} gives 2) and the
   * query parameters (without {@code v}). Sources with one fixed encoding, like these archives and vector layers,
   * accept their own extension at scale 1 and ignore parameters; raster sources override this to render per
   * request. Throws a 400 problem for a request the source cannot answer.
   */
  default TileVariant variant(String extension, int scale, Map<String, String> query) {
    TileFormat format = format();
    if (!format.answersTo(extension)) {
      throw ApiException.badRequest(
              "unsupported_tile_format", "This layer serves ." + format.extension() + " tiles, not ." + extension + ".")
          .with("parameter", "format");
    }
    if (scale != 1) {
      throw ApiException.badRequest("invalid_tile", "@" + scale + "x tiles are served by raster layers only.")
          .with("parameter", "y");
    }
    return new TileVariant(format, format.extension(), this::tile);
  }
}
