package dev.tessera.server.tiles.pmtiles;

import dev.tessera.server.problem.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A pmtiles layer's archive cannot be served. Carries the location as the layer names it (never the absolute path on
 * the server) and a stable code: {@code archive_not_found} (404), {@code archive_unsupported} (400),
 * {@code archive_unreadable} (502 for URLs, 500 for files).
 */
public class PmtilesException extends ApiException {
  private PmtilesException(HttpStatus status, String code, String location, String detail) {
    super(status, code, detail);
    with("location", location);
  }

  static PmtilesException notFound(String location) {
    return new PmtilesException(
        HttpStatus.NOT_FOUND,
        "archive_not_found",
        location,
        "No archive '" + location + "' under the files root (FILES_ROOT).");
  }

  static PmtilesException unsupported(String location, String what) {
    return new PmtilesException(
        HttpStatus.BAD_REQUEST, "archive_unsupported", location, "Archive '" + location + "': " + what + ".");
  }

  static PmtilesException unreadable(String location, boolean remote, Exception cause) {
    var e =
        new PmtilesException(
            remote ? HttpStatus.BAD_GATEWAY : HttpStatus.INTERNAL_SERVER_ERROR,
            "archive_unreadable",
            location,
            "Archive '" + location + "' could not be read: " + cause.getMessage());
    e.initCause(cause);
    return e;
  }
}
