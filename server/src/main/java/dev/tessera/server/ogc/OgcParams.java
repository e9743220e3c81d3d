package dev.tessera.server.ogc;

import dev.tessera.server.feature.BboxParam;
import dev.tessera.server.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;

/** Checks of the OGC query parameters; each failure is a 400 problem naming the parameter. */
final class OgcParams {
  private OgcParams() {}

  /**
   * Refuses parameters the operation does not define (permitted by /per/core/query-param-unknown), so a typo such
   * as {@code bbx=} is an error rather than a silently unfiltered answer. {@code f=json} or {@code f=geojson} is
   * taken everywhere, as some clients append it.
   */
  static void requireKnown(HttpServletRequest request, Set<String> known) {
    for (String name : request.getParameterMap().keySet()) {
      if (name.equals("f")) {
        String f = request.getParameter("f");
        if (!f.equals("json") && !f.equals("geojson")) {
          throw invalid("f", "Query parameter 'f' must be 'json' or 'geojson'; no other encoding is served.");
        }
      } else if (!known.contains(name)) {
        throw invalid(name, "Unknown query parameter '" + name + "'; this operation takes " + new TreeSet<>(known) + ".");
      }
    }
  }

  static int limit(Integer limit, int defaultLimit, int maxLimit) {
    int value = limit == null ? defaultLimit : limit;
    if (value < 1 || value > maxLimit) {
      throw invalid("limit", "Query parameter 'limit' must be between 1 and " + maxLimit + ".");
    }
    return value;
  }

  static long offset(Long offset) {
    if (offset != null && offset < 0) {
      throw invalid("offset", "Query parameter 'offset' must not be negative.");
    }
    return offset == null ? 0 : offset;
  }

  /**
   * {@code minLon,minLat,maxLon,maxLat} in CRS84, or the 3D form {@code minLon,minLat,minZ,maxLon,maxLat,maxZ}
   * whose heights are ignored (features are 2D).
   */
  static Envelope bbox(String bbox) {
    if (bbox == null || bbox.isBlank()) {
      return null;
    }
    String[] parts = bbox.split(",", -1);
    if (parts.length == 6) {
      return BboxParam.parse(String.join(",", parts[0], parts[1], parts[3], parts[4]));
    }
    if (parts.length != 4) {
      throw invalid("bbox", "Query parameter 'bbox' must hold 4 numbers (or 6, with heights), got " + parts.length + ".");
    }
    return BboxParam.parse(bbox);
  }

  /**
   * Checks the syntax of {@code datetime} (an RFC 3339 date-time or date, or an interval with '..' or empty for an
   * open end). Layers hold no temporal geometry yet, and /req/core/fc-time-response C says the parameter matches
   * every feature without one, so a valid value selects everything.
   */
  static void checkDatetime(String datetime) {
    if (datetime == null) {
      return;
    }
    String[] parts = datetime.split("/", -1);
    boolean ok =
        switch (parts.length) {
          case 1 -> instant(parts[0]);
          case 2 -> (instant(parts[0]) && (open(parts[1]) || instant(parts[1])))
              || (open(parts[0]) && instant(parts[1]));
          default -> false;
        };
    if (!ok) {
      throw invalid(
          "datetime",
          "Query parameter 'datetime' must be an RFC 3339 date-time or an interval such as"
              + " '2024-01-01T00:00:00Z/..'.");
    }
  }

  private static boolean open(String end) {
    return end.isEmpty() || end.equals("..");
  }

  private static boolean instant(String value) {
    try {
      OffsetDateTime.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      try {
        LocalDate.parse(value);
        return true;
      } catch (DateTimeParseException e2) {
        return false;
      }
    }
  }

  private static ApiException invalid(String parameter, String detail) {
    return ApiException.badRequest("invalid_parameter", detail).with("parameter", parameter);
  }
}
