package dev.tessera.server.tiles;

import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import dev.tessera.server.security.CorsPolicy;
import dev.tessera.server.security.IdentityService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers plain tile requests before Spring Security and MVC see them: for a cached tile those two were most of the
 * CPU a request cost (profile: handler mapping, argument resolution, the security filter chain), and for the small
 * tiles of deep zooms they cost more than rendering. Cached tiles of every source, and misses of sources that render
 * from memory ({@link TileSource#rendersInMemory}, vector layers), are answered here.
 *
 * <p>The same decisions as the regular path, from the same code: the caller is anonymous or named by an API token
 * ({@link IdentityService}, the same cache as the security chain), {@link TileResponder#prepare} checks the
 * coordinate, the permission and the variant, {@link TileResponder#load} renders through the same cache, and
 * {@link CorsPolicy} applies to cross-origin requests. Anything else — another credential (HTTP Basic, an OIDC JWT),
 * query parameters other than {@code v}, a problem to report, a miss of a source that reads files or the network —
 * goes down the regular path unchanged, so errors are reported in one place.
 */
final class TileFilter extends OncePerRequestFilter {
  private static final Pattern TILE_PATH = Pattern.compile(
      "/api/layers/([0-9a-fA-F-]{36})/tiles/(\\d{1,2})/(\\d{1,8})/(\\d{1,8}(?:@2x)?)\\.([a-z]{3,4})");
  private static final Pattern VERSION_ONLY = Pattern.compile("v=(\\d{1,18})");
  private static final String BEARER = "Bearer ";

  private final TileResponder tiles;
  private final TileCache cache;
  private final TileMetrics metrics;
  private final IdentityService identity;
  private final CorsConfigurationSource cors;
  private final DefaultCorsProcessor corsProcessor = new DefaultCorsProcessor();

  TileFilter(TileResponder tiles, TileCache cache, TileMetrics metrics, IdentityService identity,
      CorsConfigurationSource cors) {
    this.tiles = tiles;
    this.cache = cache;
    this.metrics = metrics;
    this.identity = identity;
    this.cors = cors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/layers/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!serve(request, response)) {
      chain.doFilter(request, response);
    }
  }

  /** True when the response was written (a tile, a 204, a 304, or a CORS refusal); false to take the regular path. */
  private boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Matcher path = TILE_PATH.matcher(request.getRequestURI());
    if (!path.matches()) {
      return false;
    }
    Long version = null;
    String query = request.getQueryString();
    if (query != null) {
      Matcher v = VERSION_ONLY.matcher(query);
      if (!v.matches()) {
        return false;
      }
      version = Long.valueOf(v.group(1));
    }
    Optional<Caller> caller = caller(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (caller.isEmpty()) {
      return false;
    }
    var sample = metrics.start();
    TileResponder.Prepared tile;
    try {
      tile = tiles.prepare(caller.get(), UUID.fromString(path.group(1)), path.group(2), path.group(3), path.group(4),
          path.group(5), Map.of(), version);
    } catch (ApiException | IllegalArgumentException e) {
      return false; // the regular path reports it, and counts it
    }
    boolean notModified = tile.etag().equals(request.getHeader(HttpHeaders.IF_NONE_MATCH));
    byte[] cached = null;
    if (!notModified) {
      cached = tile.inMemory() ? loadOrNull(tile, request) : cache.getIfPresent(tile.key());
      if (cached == null) {
        return false; // a miss of a source that reads files or the network, or a failed render
      }
    }
    if (CorsUtils.isCorsRequest(request)) {
      CorsConfiguration config = cors.getCorsConfiguration(request);
      if (config != null && !corsProcessor.processRequest(config, request, response)) {
        return true;
      }
    }
    response.setHeader(HttpHeaders.ETAG, tile.etag());
    response.setHeader(HttpHeaders.CACHE_CONTROL, tile.cacheControl().getHeaderValue());
    // what Spring Security's header writers add on the regular path
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-XSS-Protection", "0");
    if (notModified) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      metrics.served(sample, tile.layerType(), "not_modified");
      return true;
    }
    if (cached.length == 0) {
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      metrics.served(sample, tile.layerType(), "empty");
      return true;
    }
    TileFormat format = tile.variant().format();
    byte[] body = cached;
    if (format.compressible()) {
      response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING); // after CORS's Vary values
      if (TileResponder.sendsGzip(cached, request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
        response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
      } else {
        body = TileResponder.plain(cached);
      }
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(format.mediaType().toString());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    metrics.served(sample, tile.layerType(), "ok");
    return true;
  }

  /** The tile from the cache or rendered into it; null if rendering failed (the regular path reports it). */
  private byte[] loadOrNull(TileResponder.Prepared tile, HttpServletRequest request) {
    try {
      return tiles.load(tile, request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Anonymous without credentials, the token's user for a valid API token; empty for anything else. */
  private Optional<Caller> caller(String authorization) {
    if (authorization == null) {
      return Optional.of(Caller.anonymous());
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String secret = authorization.substring(BEARER.length()).trim();
    return secret.indexOf('.') >= 0 ? Optional.empty() : identity.callerForToken(secret);
  }

  /**
   * Registered first, ahead of Spring's own filters: the HTTP server observation ({@code http_server_requests}) alone
   * cost a fifth of a cached tile request's CPU (profile), and a tile GET needs none of the character-encoding, form
   * or request-size filters. Tile requests are measured by {@code tile_request_duration_seconds} instead.
   */
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<TileFilter> tileFilter(TileResponder tiles, TileCache cache,
        TileMetrics metrics, IdentityService identity, TesseraProperties properties) {
      var registration = new FilterRegistrationBean<>(
          new TileFilter(tiles, cache, metrics, identity, CorsPolicy.source(properties)));
      registration.addUrlPatterns("/api/layers/*");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }
}
