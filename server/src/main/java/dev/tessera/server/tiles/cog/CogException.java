package dev.tessera.server.tiles.cog;

import dev.tessera.engine.raster.RasterException;
import dev.tessera.server.problem.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A geotiff layer's COG cannot be served, or a request's parameter is bad. Carries the location as the layer names
 * it (never an absolute server path) and a stable code: {@code cog_not_found} (404), {@code cog_unsupported} (400),
 * {@code cog_unreadable} (502 for remote COGs, 500 for files), {@code invalid_parameter} and {@code invalid_time}
 * (400, with the parameter).
 */
public class CogException extends ApiException {
  private CogException(HttpStatus status, String code, String detail) {
    super(status, code, detail);
  }

  static CogException notFound(String location) {
    var e = new CogException(HttpStatus.NOT_FOUND, "cog_not_found",
        "No COG '" + location + "' "
            + (location.contains("://") ? "at that location." : "under the files root (FILES_ROOT)."));
    e.with("location", location);
    return e;
  }

  static CogException invalidParameter(String parameter, String detail) {
    var e = new CogException(HttpStatus.BAD_REQUEST, "invalid_parameter", detail);
    e.with("parameter", parameter);
    return e;
  }

  static CogException invalidTime(String detail) {
    var e = new CogException(HttpStatus.BAD_REQUEST, "invalid_time", detail);
    e.with("parameter", "time");
    return e;
  }

  static CogException unsupported(String location, String detail) {
    var e = new CogException(HttpStatus.BAD_REQUEST, "cog_unsupported", detail);
    e.with("location", location);
    return e;
  }

  /** The problem for an engine failure reading {@code location}. */
  static ApiException of(RasterException e, String location, boolean remote) {
    CogException problem = switch (e.kind()) {
      case BAD_REQUEST -> invalidParameter(e.parameter(), e.getMessage());
      case UNSUPPORTED -> unsupported(location, e.getMessage());
      case CORRUPT, IO -> {
        var p = new CogException(remote ? HttpStatus.BAD_GATEWAY : HttpStatus.INTERNAL_SERVER_ERROR,
            "cog_unreadable", e.getMessage());
        p.with("location", location);
        yield p;
      }
    };
    problem.initCause(e);
    return problem;
  }
}
