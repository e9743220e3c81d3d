package dev.tessera.server.tiles.cog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Snapping a requested time to the layer's resolution, range checks, and filling every placeholder. */
class TemporalTemplateTest {
  static final String TEMPLATE = "https://data.example.org/{year}/{month}/{day}/x_{YYYYMM}_{YYYYMMDD}.tif";

  static TemporalTemplate template(String resolution, String extra) {
    return TemporalTemplate.of(TEMPLATE, JsonMapper.builder().build().readTree(
        "{\"enabled\":true,\"start\":\"2020-01-01\",\"end\":\"2024-12-31\",\"resolution\":\"" + resolution + "\""
            + extra + "}"));
  }

  @ParameterizedTest
  @CsvSource({
    "daily, 2024-03-15, 2024-03-15",
    "daily, 2024-03-15T23:30:00+02:00, 2024-03-15",
    "monthly, 2024-03-15, 2024-03-01",
    "monthly, 2024-03, 2024-03-01",
    "yearly, 2021-07-04, 2021-01-01",
    "yearly, 2021, 2021-01-01",
  })
  void timesSnapToTheResolution(String resolution, String time, LocalDate expected) {
    assertThat(template(resolution, "").resolve(time)).isEqualTo(expected);
  }

  @Test
  void everyPlaceholderIsFilledWithZeroPadding() {
    assertThat(template("daily", "").fill(LocalDate.of(2024, 3, 5)))
        .isEqualTo("https://data.example.org/2024/03/05/x_202403_20240305.tif");
  }

  @Test
  void withoutTimeTheDefaultOrTheEndIsShown() {
    assertThat(template("monthly", "").resolve(null)).isEqualTo(LocalDate.of(2024, 12, 1));
    assertThat(template("monthly", ",\"default\":\"2022-06-10\"").resolve("")).isEqualTo(LocalDate.of(2022, 6, 1));
  }

  @Test
  void timesOutsideTheRangeOrUnreadableAre400() {
    assertThatThrownBy(() -> template("monthly", "").resolve("2025-01-01"))
        .isInstanceOfSatisfying(CogException.class, e -> assertThat(e.code()).isEqualTo("invalid_time"))
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> template("monthly", "").resolve("2019-12-31")).isInstanceOf(CogException.class);
    assertThatThrownBy(() -> template("daily", "").resolve("last tuesday"))
        .isInstanceOfSatisfying(CogException.class, e -> assertThat(e.code()).isEqualTo("invalid_time"));
  }
}
