package dev.tessera.server.outbound;

import dev.tessera.server.problem.ApiException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** A layer names a URL Tessera may not reach (403, code {@code outbound_not_allowed}, with the URL). */
public class OutboundNotAllowedException extends ApiException {
  public OutboundNotAllowedException(URI uri, String reason) {
    super(HttpStatus.FORBIDDEN, "outbound_not_allowed", "Tessera may not request " + uri + ": " + reason + ".");
    with("url", uri.toString());
  }
}
