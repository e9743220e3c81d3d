package dev.tessera.server.feature;

import dev.tessera.engine.geojson.GeoJsonWriter;
import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GeoJSON in and out of vector layers; bodies are streamed, never held whole. */
@RestController
@RequestMapping("/api/layers/{layerId}")
class FeatureController {
  static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  private static final int DEFAULT_LIMIT = 100;

  private final FeatureService features;
  private final ImportProgress progress;
  private final int maxPageSize;

  FeatureController(FeatureService features, ImportProgress progress, TesseraProperties properties) {
    this.features = features;
    this.progress = progress;
    this.maxPageSize = properties.limits().maxPageSize();
  }

  @GetMapping("/features")
  void list(
      Caller caller,
      @PathVariable UUID layerId,
      @RequestParam(required = false) String bbox,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    int pageSize = limit == null ? DEFAULT_LIMIT : limit;
    if (pageSize < 1 || pageSize > maxPageSize) {
      throw ApiException.badRequest(
              "invalid_parameter", "Query parameter 'limit' must be between 1 and " + maxPageSize + ".")
          .with("parameter", "limit");
    }
    FeaturePage page = features.page(caller, layerId, BboxParam.parse(bbox), pageSize, cursor);
    response.setContentType(GEO_JSON.toString());
    if (page.nextCursor() != null) {
      String next =
          request.getRequestURL() + "?" + query(bbox, pageSize) + "cursor=" + page.nextCursor();
      response.setHeader(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }
    try (GeoJsonWriter writer = GeoJsonWriter.featureCollection(response.getOutputStream())) {
      for (Feature f : page.features()) {
        writer.writeFeature(f.id().toString(), f.geometry(), f.propertiesJson());
      }
      writer.endFeatures();
      writer.writeForeignMember("number_returned", page.features().size());
      writer.writeForeignMember("next_cursor", page.nextCursor());
    }
  }

  @PostMapping({"/features", "/import"})
  ResponseEntity<?> create(
      Caller caller,
      @PathVariable UUID layerId,
      @RequestParam(name = "repair", defaultValue = "false") boolean repair,
      @RequestParam(name = "skip_invalid", defaultValue = "false") boolean skipInvalid,
      @RequestParam(required = false) String lon,
      @RequestParam(required = false) String lat,
      @RequestParam(required = false) String wkt,
      @RequestParam(required = false) String delimiter,
      @RequestParam(required = false) String encoding,
      HttpServletRequest request)
      throws IOException {
    ImportFormat format = ImportFormat.of(request.getContentType());
    ImportResult result;
    try (ImportProgress.Tracked tracked =
        progress.start(layerId, format.name().toLowerCase(java.util.Locale.ROOT), request.getInputStream())) {
      result = importFormat(caller, layerId, format, tracked, repair, skipInvalid, lon, lat, wkt, delimiter, encoding,
          request.getContentType());
    }
    if (result.imported() == 1 && result.ids().size() == 1 && isSingleFeatureRequest(result)) {
      Feature created = features.get(caller, layerId, result.ids().getFirst());
      return featureResponse(ResponseEntity.created(location(layerId, created.id())), created);
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(result);
  }

  /** A running import of this layer on this node: bytes read and features stored so far, or running false. */
  @GetMapping("/import")
  Map<String, Object> importProgress(Caller caller, @PathVariable UUID layerId) {
    features.checkVisible(caller, layerId);
    return progress
        .of(layerId)
        .<Map<String, Object>>map(
            r -> Map.of(
                "running", true,
                "format", r.format(),
                "started_at", r.startedAt().toString(),
                "bytes_read", r.bytesRead().get(),
                "imported", r.imported().get()))
        .orElse(Map.of("running", false));
  }

  private ImportResult importFormat(
      Caller caller, UUID layerId, ImportFormat format, ImportProgress.Tracked tracked, boolean repair,
      boolean skipInvalid, String lon, String lat, String wkt, String delimiter, String encoding, String contentType) {
    InputStream body = tracked.body();
    LongConsumer counter = tracked.progress();
    return switch (format) {
          case CSV -> {
            // The Content-Type's own charset: the servlet's character encoding is forced to UTF-8 by Spring.
            String charset = encoding != null ? encoding : ImportFormat.charset(contentType);
            CsvOptions options = CsvOptions.of(lon, lat, wkt, delimiter, charset, skipInvalid);
            yield features.importCsv(caller, layerId, body, options, repair, counter);
          }
          case PARQUET ->
              features.importParquet(caller, layerId, body, repair, skipInvalid, counter);
          case GEOJSON -> {
            if (skipInvalid) {
              throw ApiException.badRequest(
                      "invalid_parameter", "skip_invalid applies to CSV and GeoParquet; GeoJSON imports all or nothing.")
                  .with("parameter", "skip_invalid");
            }
            yield features.importGeoJson(caller, layerId, body, repair, counter);
          }
        };
  }

  @GetMapping("/features/{featureId}")
  ResponseEntity<String> get(Caller caller, @PathVariable UUID layerId, @PathVariable UUID featureId) {
    return featureResponse(ResponseEntity.ok(), features.get(caller, layerId, featureId));
  }

  @PutMapping("/features/{featureId}")
  ResponseEntity<String> update(
      Caller caller,
      @PathVariable UUID layerId,
      @PathVariable UUID featureId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      HttpServletRequest request)
      throws IOException {
    requireJson(request);
    Feature updated = features.update(caller, layerId, featureId, request.getInputStream(), ifMatch);
    return featureResponse(ResponseEntity.ok(), updated);
  }

  @DeleteMapping("/features/{featureId}")
  ResponseEntity<Void> delete(
      Caller caller,
      @PathVariable UUID layerId,
      @PathVariable UUID featureId,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    features.delete(caller, layerId, featureId, ifMatch);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/export")
  void export(Caller caller, @PathVariable UUID layerId, HttpServletResponse response) {
    final GeoJsonWriter[] writer = new GeoJsonWriter[1];
    features.export(
        caller,
        layerId,
        layer -> {
          response.setContentType(GEO_JSON.toString());
          response.setHeader(
              HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"layer-" + layer.id() + ".geojson\"");
          try {
            writer[0] = GeoJsonWriter.featureCollection(response.getOutputStream());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        f -> writer[0].writeFeature(f.id().toString(), f.geometry(), f.propertiesJson()));
    writer[0].close();
  }

  /** A single-Feature POST answers with the feature; the reader told the service which it was. */
  private static boolean isSingleFeatureRequest(ImportResult result) {
    return result.singleFeature();
  }

  private static ResponseEntity<String> featureResponse(ResponseEntity.BodyBuilder builder, Feature f) {
    return builder
        .contentType(GEO_JSON)
        .eTag(FeatureService.etag(f))
        .body(GeoJsonWriter.featureJson(f.id().toString(), f.geometry(), f.propertiesJson()));
  }

  private static URI location(UUID layerId, UUID featureId) {
    return URI.create("/api/layers/" + layerId + "/features/" + featureId);
  }

  private static void requireJson(HttpServletRequest request) {
    String type = request.getContentType();
    if (type != null && !type.isBlank()) {
      MediaType media = MediaType.parseMediaType(type);
      if (!media.getSubtype().equals("json") && !media.getSubtype().endsWith("+json")) {
        throw new ApiException(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Send GeoJSON as application/geo+json or application/json, not " + type + ".");
      }
    }
  }

  private static String query(String bbox, int limit) {
    return (bbox != null ? "bbox=" + bbox + "&" : "") + "limit=" + limit + "&";
  }
}
