package dev.tessera.engine.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebMercatorTest {
  @ParameterizedTest
  @CsvSource({
    // lon, lat, x, y
    "0, 0, 0.5, 0.5",
    "-180, 85.05112878, 0, 0",
    "180, -85.05112878, 1, 1",
    "90, 66.51326044311186, 0.75, 0.25",
    "-90, -66.51326044311186, 0.25, 0.75",
  })
  void projectsToTheUnitSquare(double lon, double lat, double x, double y) {
    assertThat(WebMercator.x(lon)).isCloseTo(x, within(1e-9));
    assertThat(WebMercator.y(lat)).isCloseTo(y, within(1e-9));
    assertThat(WebMercator.lon(x)).isCloseTo(lon, within(1e-9));
    assertThat(WebMercator.lat(y)).isCloseTo(lat, within(1e-8));
  }

  @ParameterizedTest
  @CsvSource({"90, 0", "89.9, 0", "-90, 1", "-86, 1"})
  void latitudesBeyondTheSquareAreClamped(double lat, double y) {
    assertThat(WebMercator.y(lat)).isCloseTo(y, within(1e-9));
  }

  @ParameterizedTest
  @CsvSource({"-179.99, 0.1", "12.5, 45.75", "151.2, -33.87", "0.000001, -84.9"})
  void inverseRoundTrips(double lon, double lat) {
    assertThat(WebMercator.lon(WebMercator.x(lon))).isCloseTo(lon, within(1e-9));
    assertThat(WebMercator.lat(WebMercator.y(lat))).isCloseTo(lat, within(1e-9));
  }
}
