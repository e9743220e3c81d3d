package dev.tessera.server.tiles.pmtiles;

import dev.tessera.server.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/layers/{id}/export.pmtiles?minzoom=0&maxzoom=14}: the vector layer as a PMTiles archive, for anyone
 * who may see the layer. The archive is written to a temporary file first, so any problem is still answered as
 * problem+json, then copied to the response on the request thread and deleted. (Not a {@code StreamingResponseBody}:
 * its async dispatch is authorized again without the caller's token and fails once the response is committed.)
 */
@RestController
class PmtilesExportController {
  static final MediaType PMTILES = MediaType.parseMediaType("application/vnd.pmtiles");

  private final PmtilesExport export;

  PmtilesExportController(PmtilesExport export) {
    this.export = export;
  }

  @PostMapping("/api/layers/{id}/export.pmtiles")
  void export(
      Caller caller,
      @PathVariable UUID id,
      @RequestParam(name = "minzoom", defaultValue = "0") int minZoom,
      @RequestParam(name = "maxzoom", defaultValue = "14") int maxZoom,
      HttpServletResponse response)
      throws IOException {
    PmtilesExport.checkZooms(minZoom, maxZoom);
    Path file = Files.createTempFile("tessera-export", ".pmtiles");
    try {
      PmtilesExport.Result result = export.export(caller, id, minZoom, maxZoom, file, (visited, estimated) -> {});
      String name = result.layer().name().replaceAll("[^A-Za-z0-9._-]+", "_") + ".pmtiles";
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType(PMTILES.toString());
      response.setContentLengthLong(Files.size(file));
      response.setHeader(
          HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
      response.setHeader("X-Tile-Count", Long.toString(result.tiles()));
      try (OutputStream out = response.getOutputStream()) {
        Files.copy(file, out);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
