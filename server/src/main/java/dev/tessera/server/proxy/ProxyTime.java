package dev.tessera.server.proxy;

import dev.tessera.server.problem.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;

/**
 * A temporal WMS layer's {@code temporal {enabled, parameter, start, end, resolution, default}}: a request's
 * {@code time} snapped to the resolution (the hour, the day, the first day of its month or year), checked against
 * the range, and written as the service expects it: a date (2024-03-01), or for hourly layers an instant
 * (2024-03-01T06:00:00Z). Without {@code time} the default time, or else the end. Immutable and thread-safe.
 */
record ProxyTime(String parameter, Instant start, Instant end, String resolution, Instant fallback) {

  /** The layer's time dimension, or null when it has none (or it is not enabled). */
  static ProxyTime of(JsonNode temporal) {
    if (temporal == null || !temporal.path("enabled").asBoolean(false)) {
      return null;
    }
    String resolution = temporal.path("resolution").asString("daily");
    Instant start = snap(parse(temporal.path("start").asString()), resolution);
    Instant end = snap(parse(temporal.path("end").asString()), resolution);
    String def = temporal.path("default").asString(null);
    return new ProxyTime(temporal.path("parameter").asString("TIME"), start, end, resolution,
        def == null ? end : snap(parse(def), resolution));
  }

  /** The value to send for a request's {@code time} (null or blank: the default); 400 when it cannot be used. */
  String resolve(String time) {
    Instant t = fallback;
    if (time != null && !time.isBlank()) {
      try {
        t = snap(parse(time.strip()), resolution);
      } catch (DateTimeParseException e) {
        throw invalid("time must be an ISO 8601 date or date-time (2024-03, 2024-03-15, 2024-03-15T06:00:00Z), was '"
            + time + "'.");
      }
      if (t.isBefore(start) || t.isAfter(end)) {
        throw invalid("time " + time + " is outside the layer's range " + format(start) + " … " + format(end) + " ("
            + resolution + ").");
      }
    }
    return format(t);
  }

  private String format(Instant t) {
    return resolution.equals("hourly") ? t.toString() : t.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  static ApiException invalid(String detail) {
    return ApiException.badRequest("invalid_time", detail).with("parameter", "time");
  }

  private static Instant parse(String text) {
    if (text.matches("\\d{4}")) {
      return LocalDate.of(Integer.parseInt(text), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (text.matches("\\d{4}-\\d{2}")) {
      return YearMonth.parse(text).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (text.length() <= 10) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return OffsetDateTime.parse(text).toInstant();
  }

  private static Instant snap(Instant t, String resolution) {
    var utc = t.atZone(ZoneOffset.UTC);
    return switch (resolution) {
      case "hourly" -> t.truncatedTo(ChronoUnit.HOURS);
      case "yearly" -> utc.toLocalDate().withDayOfYear(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      case "monthly" -> utc.toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      default -> utc.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    };
  }
}
