package dev.tessera.server.ogc;

import static dev.tessera.server.ogc.OgcLinks.GEO_JSON;
import static dev.tessera.server.ogc.OgcLinks.JSON;
import static dev.tessera.server.ogc.OgcLinks.link;

import dev.tessera.engine.geojson.GeoJsonWriter;
import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.feature.Feature;
import dev.tessera.server.feature.FeatureService;
import dev.tessera.server.feature.StreamedPage;
import dev.tessera.server.feature.VectorLayerStats;
import dev.tessera.server.ogc.OgcDocuments.Link;
import dev.tessera.server.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * OGC API – Features Part 1: the features of a collection, streamed as GeoJSON. Paging follows {@code next} links,
 * which carry a keyset cursor (stable while features are added, and as fast on the last page as on the first);
 * {@code offset} is accepted too for clients that build page URLs themselves.
 */
@RestController
@RequestMapping("/ogc/collections/{collectionId}/items")
class OgcItemsController {
  static final int DEFAULT_LIMIT = 10;
  private static final Set<String> ITEMS_PARAMS = Set.of("bbox", "limit", "offset", "cursor", "datetime");

  private final OgcCollections collections;
  private final FeatureService features;
  private final ObjectMapper json;
  private final int maxLimit;

  OgcItemsController(
      OgcCollections collections, FeatureService features, ObjectMapper json, TesseraProperties properties) {
    this.collections = collections;
    this.features = features;
    this.json = json;
    this.maxLimit = properties.limits().maxPageSize();
  }

  @GetMapping
  void items(
      Caller caller,
      @PathVariable UUID collectionId,
      @RequestParam(required = false) String bbox,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String datetime,
      HttpServletRequest request,
      HttpServletResponse response) {
    OgcParams.requireKnown(request, ITEMS_PARAMS);
    int pageSize = OgcParams.limit(limit, DEFAULT_LIMIT, maxLimit);
    long skip = OgcParams.offset(offset);
    Envelope box = OgcParams.bbox(bbox);
    OgcParams.checkDatetime(datetime);
    collections.visible(caller, collectionId);
    OgcLinks links = OgcLinks.of(request);

    GeoJsonWriter[] writer = new GeoJsonWriter[1];
    StreamedPage page =
        features.streamPage(
            caller,
            collectionId,
            box,
            cursor,
            skip,
            pageSize,
            layer -> {
              response.setContentType(GEO_JSON);
              try {
                writer[0] = GeoJsonWriter.featureCollection(response.getOutputStream());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            f -> writer[0].writeFeature(f.id().toString(), f.geometry(), f.propertiesJson()));

    List<Link> pageLinks = new ArrayList<>();
    pageLinks.add(link(OgcLinks.requested(request), "self", GEO_JSON, "This page"));
    if (page.nextCursor() != null) {
      UriComponentsBuilder next = UriComponentsBuilder.fromUriString(links.items(collectionId));
      if (bbox != null) {
        next.queryParam("bbox", bbox);
      }
      if (datetime != null) {
        next.queryParam("datetime", datetime);
      }
      next.queryParam("limit", pageSize).queryParam("cursor", page.nextCursor());
      pageLinks.add(link(next.encode().build().toUriString(), "next", GEO_JSON, "The next page"));
    }
    pageLinks.add(link(links.collection(collectionId), "collection", JSON, "The collection"));

    try (GeoJsonWriter w = writer[0]) {
      w.endFeatures();
      w.writeForeignMember("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      if (box == null) {
        // Kept in the layer row by every write, read in the page's transaction: exact without a count.
        w.writeForeignMember("numberMatched", VectorLayerStats.count(page.layer().sourceConfig()));
      }
      w.writeForeignMember("numberReturned", page.returned());
      w.writeForeignMemberJson("links", json.writeValueAsString(pageLinks));
    }
  }

  @GetMapping("/{featureId}")
  ResponseEntity<String> item(
      Caller caller, @PathVariable UUID collectionId, @PathVariable UUID featureId, HttpServletRequest request) {
    OgcParams.requireKnown(request, Set.of());
    collections.visible(caller, collectionId);
    Feature f = features.get(caller, collectionId, featureId);
    OgcLinks links = OgcLinks.of(request);
    List<Link> featureLinks =
        List.of(
            link(links.item(collectionId, featureId), "self", GEO_JSON, "This feature"),
            link(links.collection(collectionId), "collection", JSON, "The collection"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(GEO_JSON))
        .eTag(FeatureService.etag(f))
        .body(
            GeoJsonWriter.featureJson(
                f.id().toString(),
                f.geometry(),
                f.propertiesJson(),
                Map.of("links", json.writeValueAsString(featureLinks))));
  }
}
