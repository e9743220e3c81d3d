package dev.tessera.server.places;

import dev.tessera.server.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The places viewport API: points and clusters of point datasets in a box, answered from in-memory indexes. */
@RestController
@RequestMapping("/api/v1/places")
@Tag(name = "places", description = "Points at scale: viewport answers with clusters")
class PlacesController {
  private final PlacesService places;

  PlacesController(PlacesService places) {
    this.places = places;
  }

  @GetMapping
  @Operation(
      summary = "Points and clusters of datasets in a viewport",
      description = "An object keyed by dataset (JSON), a FeatureCollection (geojson) or FlatGeobuf (fgb); clusters"
          + " up to the configured cluster zoom; _meta.truncated tells which datasets hit the limit.")
  ResponseEntity<byte[]> places(
      Caller caller,
      @Parameter(description = "south,west,north,east") @RequestParam(required = false) String bounds,
      @Parameter(description = "minLon,minLat,maxLon,maxLat (OGC order)") @RequestParam(required = false) String bbox,
      @Parameter(description = "layer ids or slugs, comma-separated") @RequestParam(required = false) String datasets,
      @RequestParam(required = false) String zoom,
      @RequestParam(required = false) String limit,
      @Parameter(description = "properties to include, comma-separated; empty for none")
          @RequestParam(required = false)
          String fields,
      @Parameter(description = "json, geojson or fgb") @RequestParam(required = false) String format,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    long start = System.nanoTime();
    PlacesQuery query =
        PlacesQuery.parse(
            bounds, bbox, datasets, zoom, limit, fields, format, places.settings().defaultLimit(),
            places.settings().maxLimit());
    PlacesService.Resolved resolved = places.resolve(caller, query);
    String etag = resolved.etag();
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CacheControl.noCache()).build();
    }
    PlacesService.Served served = places.answer(resolved);
    PlacesService.Answer answer = served.answer();
    long nanos = System.nanoTime() - start;
    places.recordTime(served.hit(), nanos);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(answer.format().mediaType))
        .eTag(answer.etag())
        .cacheControl(CacheControl.noCache())
        // Server time measured here, independent of the client: what bench/places-http.sh reports.
        .header(
            "Server-Timing",
            String.format(Locale.ROOT, "app;dur=%.3f, cache;desc=%s", nanos / 1e6, served.hit() ? "hit" : "miss"))
        .body(answer.body());
  }

  @GetMapping("/clusters/{clusterId}/children")
  @Operation(summary = "The clusters and points a cluster splits into at its expansion zoom")
  ResponseEntity<byte[]> children(Caller caller, @PathVariable String clusterId) {
    return expand(caller, clusterId, false, Integer.MAX_VALUE, 0);
  }

  @GetMapping("/clusters/{clusterId}/leaves")
  @Operation(summary = "The points under a cluster, paged with limit and offset")
  ResponseEntity<byte[]> leaves(
      Caller caller,
      @PathVariable String clusterId,
      @RequestParam(defaultValue = "10") String limit,
      @RequestParam(defaultValue = "0") String offset) {
    int n;
    long skip;
    try {
      n = Integer.parseInt(limit);
      skip = Long.parseLong(offset);
    } catch (NumberFormatException e) {
      throw PlacesQuery.invalid("limit", "Query parameters 'limit' and 'offset' must be integers.");
    }
    if (n < 1 || n > places.settings().maxLimit()) {
      throw PlacesQuery.invalid(
          "limit", "Query parameter 'limit' must be between 1 and " + places.settings().maxLimit() + ".");
    }
    if (skip < 0) {
      throw PlacesQuery.invalid("offset", "Query parameter 'offset' must not be negative.");
    }
    return expand(caller, clusterId, true, n, skip);
  }

  private ResponseEntity<byte[]> expand(Caller caller, String clusterId, boolean leaves, int limit, long offset) {
    DatasetAnswer answer = places.expand(caller, clusterId, leaves, limit, offset);
    PlacesQuery all =
        new PlacesQuery(List.of(answer.name()), -180, -90, 180, 90, null, limit, null, PlacesFormat.JSON);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(PlacesWriter.write(List.of(answer), all, false));
  }
}
