package dev.tessera.server.ogc;

import static dev.tessera.server.ogc.OgcLinks.JSON;
import static dev.tessera.server.ogc.OgcLinks.link;

import dev.tessera.server.ogc.OgcDocuments.Collection;
import dev.tessera.server.ogc.OgcDocuments.Collections;
import dev.tessera.server.ogc.OgcDocuments.Conformance;
import dev.tessera.server.ogc.OgcDocuments.LandingPage;
import dev.tessera.server.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** OGC API – Features Part 1: the landing page, conformance declaration and feature collections. */
@RestController
@RequestMapping("/ogc")
class OgcController {
  static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
          "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
          "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");

  private final OgcCollections collections;

  OgcController(OgcCollections collections) {
    this.collections = collections;
  }

  @GetMapping
  LandingPage landing(HttpServletRequest request) {
    OgcParams.requireKnown(request, Set.of());
    OgcLinks links = OgcLinks.of(request);
    return new LandingPage(
        "Tessera",
        "The vector layers of this Tessera server as OGC API – Features collections.",
        List.of(
            link(links.landing(), "self", JSON, "This document"),
            link(links.server("/v3/api-docs"), "service-desc", OgcLinks.OPENAPI_JSON, "The API definition"),
            link(links.server("/api-docs"), "service-doc", "text/html", "The API documentation"),
            link(links.landing() + "/conformance", "conformance", JSON, "Conformance classes implemented"),
            link(links.collections(), "data", JSON, "The feature collections"),
            link(links.landing() + "/tileMatrixSets", "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes", JSON,
                "The tile matrix sets")));
  }

  @GetMapping("/conformance")
  Conformance conformance(HttpServletRequest request) {
    OgcParams.requireKnown(request, Set.of());
    return new Conformance(CONFORMANCE);
  }

  @GetMapping("/collections")
  Collections collections(Caller caller, HttpServletRequest request) {
    OgcParams.requireKnown(request, Set.of());
    OgcLinks links = OgcLinks.of(request);
    List<Collection> all =
        collections.visible(caller).stream().map(layer -> OgcCollections.describe(layer, links)).toList();
    return new Collections(List.of(link(links.collections(), "self", JSON, "The feature collections")), all);
  }

  @GetMapping("/collections/{collectionId}")
  Collection collection(Caller caller, @PathVariable UUID collectionId, HttpServletRequest request) {
    OgcParams.requireKnown(request, Set.of());
    return OgcCollections.describe(collections.visible(caller, collectionId), OgcLinks.of(request));
  }
}
