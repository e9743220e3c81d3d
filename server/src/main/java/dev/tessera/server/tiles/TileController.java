package dev.tessera.server.tiles;

import dev.tessera.server.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/layers/{id}/tiles/{z}/{x}/{y}.{ext}}; see {@link TileResponder}. */
@RestController
class TileController {
  private final TileResponder tiles;

  TileController(TileResponder tiles) {
    this.tiles = tiles;
  }

  @Operation(
      summary = "A WebMercatorQuad tile of any layer",
      description = "vector: Mapbox Vector Tile (.mvt/.pbf; points clustered up to the cluster zoom in point layers);"
          + " pmtiles/mbtiles: the archive's tile; geotiff: PNG/JPEG/WebP rendered from the COG with TiTiler's"
          + " parameters (rescale, colormap_name, colormap, bidx, expression, nodata, return_mask, resampling,"
          + " time, tilesize, empty); wms: one GetMap per tile (EPSG:3857, or EPSG:4326/CRS:84 reprojected),"
          + " @2x and time; wmts: the tile of the service's WebMercatorQuad matrix set (time fills its Time"
          + " dimension). 204 where there is no data; ETag from the layer version, 304 on If-None-Match; gzip for"
          + " vector tiles when accepted; 502/504 when a remote service fails.")
  @GetMapping("/api/layers/{id}/tiles/{z}/{x}/{y}.{format}")
  ResponseEntity<byte[]> tile(
      Caller caller,
      @PathVariable UUID id,
      @PathVariable String z,
      @PathVariable String x,
      @PathVariable String y,
      @PathVariable String format,
      @RequestParam(name = "v", required = false) Long requestedVersion,
      @RequestParam Map<String, String> query,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
      @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
    Map<String, String> parameters = new HashMap<>(query);
    parameters.remove("v");
    return tiles.respond(caller, id, z, x, y, format, parameters, requestedVersion, ifNoneMatch, acceptEncoding);
  }
}
