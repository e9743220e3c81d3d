package dev.tessera.server.proxy;

import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.outbound.OutboundPolicy;
import dev.tessera.server.problem.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * GETs from the remote map services that WMS and WMTS layers name: every URL is checked by {@link OutboundPolicy}
 * before each request (the DNS answer may change), redirects are not followed (their target would escape that
 * check), answers are bounded in time and size. Failures become problems the tile endpoint passes on: 502
 * {@code upstream_error} with what the service said, 504 {@code upstream_timeout}. Thread-safe.
 */
@Component
public class UpstreamClient {
  /** The largest answer read: far above any tile or capabilities document, far below the heap. */
  static final int MAX_BYTES = 32 << 20;

  private final OutboundPolicy outbound;
  private final Duration timeout;
  private final HttpClient http;

  UpstreamClient(OutboundPolicy outbound, TesseraProperties properties) {
    this.outbound = outbound;
    this.timeout = Duration.ofSeconds(properties.archives().httpTimeoutSeconds());
    this.http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeout)
        .build();
  }

  /** An upstream answer: status, media type (lower case, without parameters) and body. */
  record Answer(int status, String mediaType, byte[] body) {
    boolean isImage() {
      return mediaType.startsWith("image/");
    }

    boolean isXml() {
      return mediaType.contains("xml") || (body.length > 0 && body[0] == '<');
    }
  }

  /** The answer to a GET of {@code uri} (any status); throws a problem when it cannot be had. */
  Answer get(URI uri) {
    outbound.check(uri);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout.multipliedBy(3))
        .header("User-Agent", "Tessera").GET().build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
          throw upstreamError(uri, "its answer is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        return new Answer(response.statusCode(), (semicolon < 0 ? type : type.substring(0, semicolon)).strip(), body);
      }
    } catch (HttpTimeoutException e) {
      throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "upstream_timeout",
          "The map service at " + uri.getHost() + " did not answer in time.").with("url", redacted(uri));
    } catch (IOException e) {
      throw upstreamError(uri, "it could not be reached (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw upstreamError(uri, "the request was interrupted");
    }
  }

  static ApiException upstreamError(URI uri, String reason) {
    return new ApiException(HttpStatus.BAD_GATEWAY, "upstream_error",
        "The map service at " + uri.getHost() + " failed: " + reason + ".").with("url", redacted(uri));
  }

  /** The URL without user information or query, either of which may carry credentials. */
  static String redacted(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }
}
