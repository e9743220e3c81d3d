package dev.tessera.server.tiles;

import dev.tessera.server.security.Caller;
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
