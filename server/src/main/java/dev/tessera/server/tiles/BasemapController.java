package dev.tessera.server.tiles;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.tiles.basemap.BasemapSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The built-in basemap, which needs no internet: {@code /api/basemap/tiles/{z}/{x}/{y}.mvt} (land and borders) and a
 * matching MapLibre style at {@code /api/basemap/style.json}. Public, since it holds only Natural Earth data; tiles go
 * through the shared tile cache under a fixed key and never change within a build.
 */
@RestController
class BasemapController {
  /** The tile cache key's "layer" for basemap tiles. */
  private static final UUID BASEMAP_KEY = new UUID(0, 1);

  private static final CacheControl LONG = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

  private final BasemapSource basemap;
  private final TileCache cache;

  BasemapController(BasemapSource basemap, TileCache cache) {
    this.basemap = basemap;
    this.cache = cache;
  }

  @GetMapping("/api/basemap/tiles/{z}/{x}/{y}.{format}")
  ResponseEntity<byte[]> tile(
      @PathVariable String z,
      @PathVariable String x,
      @PathVariable String y,
      @PathVariable String format,
      @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
    TileCoord coord = TileRequest.parse(z, x, y);
    if (!TileFormat.MVT.answersTo(format)) {
      throw ApiException.badRequest("unsupported_tile_format", "The basemap serves .mvt tiles, not ." + format + ".")
          .with("parameter", "format");
    }
    requireData();
    byte[] gzipped = cache.get(new TileKey(BASEMAP_KEY, 0, coord, "mvt"), () -> gzipOrEmpty(basemap.tile(coord)));
    if (gzipped.length == 0) {
      return ResponseEntity.noContent().cacheControl(LONG).build();
    }
    var response =
        ResponseEntity.ok()
            .contentType(TileFormat.MVT.mediaType())
            .cacheControl(LONG)
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    return acceptEncoding != null && acceptEncoding.contains("gzip")
        ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzipped)
        : response.body(Gzip.decompress(gzipped));
  }

  @GetMapping("/api/basemap/style.json")
  ResponseEntity<Map<String, Object>> style() {
    requireData();
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    Map<String, Object> source =
        Map.of(
            "type", "vector",
            "tiles", List.of(base + "/api/basemap/tiles/{z}/{x}/{y}.mvt"),
            "minzoom", 0,
            "maxzoom", BasemapSource.MAX_ZOOM,
            "attribution", "Natural Earth");
    List<Object> layers =
        List.of(
            Map.of("id", "basemap-sea", "type", "background", "paint", Map.of("background-color", "#c9dcea")),
            Map.of(
                "id", "basemap-land",
                "type", "fill",
                "source", "basemap",
                "source-layer", "land",
                "paint", Map.of("fill-color", "#f3f1ea")),
            Map.of(
                "id", "basemap-coast",
                "type", "line",
                "source", "basemap",
                "source-layer", "land",
                "paint", Map.of("line-color", "#9fb6c8", "line-width", 0.8)),
            Map.of(
                "id", "basemap-borders",
                "type", "line",
                "source", "basemap",
                "source-layer", "borders",
                "paint", Map.of("line-color", "#b9a9b8", "line-width", 0.8, "line-dasharray", List.of(3, 2))));
    Map<String, Object> style =
        Map.of("version", 8, "name", "Tessera basemap", "sources", Map.of("basemap", source), "layers", layers);
    return ResponseEntity.ok().cacheControl(LONG).body(style);
  }

  private void requireData() {
    if (!basemap.available()) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          "basemap_missing",
          "The built-in basemap's data is not in this build (the web module was not built).");
    }
  }

  private static byte[] gzipOrEmpty(Tile tile) {
    return tile.bytes().length == 0 ? new byte[0] : Gzip.compress(tile.bytes());
  }
}
