package dev.tessera.server.ogc;

import dev.tessera.server.ogc.OgcDocuments.Link;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute link targets under {@code /ogc}, built from the request's scheme, host and port. Spring reads
 * X-Forwarded-* headers into those only when {@code server.forward-headers-strategy} is set; unconfigured, a client
 * cannot redirect links by sending such headers.
 */
final class OgcLinks {
  static final String JSON = "application/json";
  static final String GEO_JSON = "application/geo+json";
  static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";

  private final String root;

  private OgcLinks(String root) {
    this.root = root;
  }

  static OgcLinks of(HttpServletRequest request) {
    return new OgcLinks(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
  }

  /** An absolute URL of a path on this server, e.g. {@code /v3/api-docs}. */
  String server(String path) {
    return root + path;
  }

  String landing() {
    return root + "/ogc";
  }

  String collections() {
    return root + "/ogc/collections";
  }

  String collection(UUID id) {
    return collections() + "/" + id;
  }

  String items(UUID id) {
    return collection(id) + "/items";
  }

  String item(UUID collectionId, UUID featureId) {
    return items(collectionId) + "/" + featureId;
  }

  /** The URL as requested, query included: the {@code self} link of a response. */
  static String requested(HttpServletRequest request) {
    String query = request.getQueryString();
    return request.getRequestURL() + (query == null ? "" : "?" + query);
  }

  static Link link(String href, String rel, String type, String title) {
    return new Link(href, rel, type, title);
  }
}
