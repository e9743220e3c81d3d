package dev.tessera.server.tiles.mbtiles;

import dev.tessera.server.problem.ApiException;
import org.springframework.http.HttpStatus;

/**
 * An MBTiles file cannot be served: {@code archive_unreadable} (500; not SQLite, no tiles table) or
 * {@code archive_unsupported} (400; a tile format Tessera does not serve). Carries the location as the layer names it.
 */
public class MbtilesException extends ApiException {
  private MbtilesException(HttpStatus status, String code, String location, String detail) {
    super(status, code, detail);
    with("location", location);
  }

  static MbtilesException unreadable(String location, Exception cause) {
    var e =
        new MbtilesException(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "archive_unreadable",
            location,
            "MBTiles '" + location + "' could not be read: " + cause.getMessage());
    e.initCause(cause);
    return e;
  }

  static MbtilesException unsupported(String location, String what) {
    return new MbtilesException(
        HttpStatus.BAD_REQUEST, "archive_unsupported", location, "MBTiles '" + location + "': " + what + ".");
  }
}
