package dev.tessera.server.security;

import dev.tessera.server.config.TesseraProperties;
import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** The one CORS configuration: Spring Security's filter chain and the cached-tile fast path both apply it. */
public final class CorsPolicy {
  private CorsPolicy() {}

  /**
   * CORS for browsers on other origins ({@code ALLOWED_ORIGINS}): reads and writes with a bearer token; the headers
   * clients need for caching, paging and optimistic concurrency are exposed.
   */
  public static CorsConfigurationSource source(TesseraProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    for (String origin : properties.cors().allowedOrigins().split(",")) {
      if (!origin.isBlank()) {
        cors.addAllowedOriginPattern(origin.trim());
      }
    }
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
    // Range and the range headers: browsers read COGs of delivery: direct layers by range (GET /api/layers/{id}/cog)
    cors.setAllowedHeaders(List.of(
        "Authorization", "Content-Type", "If-Match", "If-None-Match", "Accept-Encoding", "Last-Event-ID", "Range"));
    cors.setExposedHeaders(
        List.of("ETag", "Location", "Link", "Content-Disposition", "Content-Range", "Accept-Ranges", "Content-Length"));
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }
}
