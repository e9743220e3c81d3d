package dev.tessera.server.tiles.cog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * A temporal geotiff layer's {@code cogUrlTemplate} and {@code temporal {start, end, resolution, default}}: a
 * requested {@code time} is snapped to the resolution (the first day of its month or year), checked against the
 * range, and the template's {@code {year} {month} {day} {YYYYMM} {YYYYMMDD}} filled in. Without {@code time} the
 * layer's default time, or else its end, is shown. Immutable and thread-safe.
 */
record TemporalTemplate(String template, LocalDate start, LocalDate end, String resolution, LocalDate fallback) {

  static TemporalTemplate of(String template, JsonNode temporal) {
    String resolution = temporal.path("resolution").asString("daily");
    LocalDate start = snap(date(temporal.path("start").asString(null), "start"), resolution);
    LocalDate end = snap(date(temporal.path("end").asString(null), "end"), resolution);
    String def = temporal.path("default").asString(null);
    LocalDate fallback = def == null ? end : snap(date(def, "default"), resolution);
    return new TemporalTemplate(template, start, end, resolution, fallback);
  }

  /** The snapped time of a request's {@code time} (null: the default), or 400 when outside the range. */
  LocalDate resolve(String time) {
    if (time == null || time.isBlank()) {
      return fallback;
    }
    LocalDate requested;
    try {
      requested = parse(time.strip());
    } catch (DateTimeParseException e) {
      throw CogException.invalidTime(
          "time must be an ISO 8601 date or date-time (2024-03, 2024-03-15, 2024-03-15T00:00:00Z), was '" + time
              + "'.");
    }
    LocalDate snapped = snap(requested, resolution);
    if (snapped.isBefore(start) || snapped.isAfter(end)) {
      throw CogException.invalidTime(
          "time " + time + " is outside the layer's range " + start + " … " + end + " (" + resolution + ").");
    }
    return snapped;
  }

  /** The location for a snapped time. */
  String fill(LocalDate t) {
    String month = String.format("%02d", t.getMonthValue());
    String day = String.format("%02d", t.getDayOfMonth());
    String year = String.format("%04d", t.getYear());
    return template.replace("{year}", year).replace("{month}", month).replace("{day}", day)
        .replace("{YYYYMMDD}", year + month + day).replace("{YYYYMM}", year + month);
  }

  private static LocalDate parse(String text) {
    if (text.matches("\\d{4}")) {
      return LocalDate.of(Integer.parseInt(text), 1, 1);
    }
    if (text.matches("\\d{4}-\\d{2}")) {
      return YearMonth.parse(text).atDay(1);
    }
    if (text.length() <= 10) {
      return LocalDate.parse(text);
    }
    return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
  }

  private static LocalDate date(String text, String field) {
    if (text == null) {
      throw new IllegalStateException("temporal." + field + " is missing (the layer validator requires it)");
    }
    return parse(text);
  }

  private static LocalDate snap(LocalDate t, String resolution) {
    return switch (resolution) {
      case "yearly" -> t.withDayOfYear(1);
      case "monthly" -> t.withDayOfMonth(1);
      default -> t;
    };
  }
}
