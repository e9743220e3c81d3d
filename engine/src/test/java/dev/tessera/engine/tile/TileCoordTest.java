package dev.tessera.engine.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

class TileCoordTest {
  @ParameterizedTest
  @CsvSource({
    // z, x, y, minLon, minLat, maxLon, maxLat
    "0, 0, 0, -180, -85.0511287798, 180, 85.0511287798",
    "1, 0, 0, -180, 0, 0, 85.0511287798",
    "1, 1, 1, 0, -85.0511287798, 180, 0",
    "2, 1, 1, -90, 0, 0, 66.5132604431",
    "10, 511, 340, -0.3515625, 51.3992056535, 0, 51.6180165487",
    "24, 16777215, 0, 179.9999785423, 85.0511269287, 180, 85.0511287798",
  })
  void boundsAreWebMercatorQuadWithRowZeroAtTheNorth(int z, int x, int y, double minLon, double minLat,
      double maxLon, double maxLat) {
    Envelope b = TileCoord.of(z, x, y).lonLatBounds();
    assertThat(b.getMinX()).isCloseTo(minLon, within(1e-9));
    assertThat(b.getMinY()).isCloseTo(minLat, within(1e-9));
    assertThat(b.getMaxX()).isCloseTo(maxLon, within(1e-9));
    assertThat(b.getMaxY()).isCloseTo(maxLat, within(1e-9));
  }

  @ParameterizedTest
  @CsvSource({"0, 0, 0", "1, 1, 0", "7, 100, 27", "14, 8191, 5448", "24, 16777215, 16777215", "24, 0, 16777215"})
  void encodeAndDecodeRoundTrip(int z, int x, int y) {
    TileCoord c = TileCoord.of(z, x, y);
    assertThat(c.encode()).isNotNegative().isLessThan(1L << 53);
    assertThat(TileCoord.decode(c.encode())).isEqualTo(c);
  }

  @Test
  void encodingPutsZoomInTheTopBits() {
    assertThat(TileCoord.of(3, 5, 6).encode()).isEqualTo(3L << 48 | 5L << 24 | 6);
  }

  @ParameterizedTest
  @CsvSource({
    "-1, 0, 0, z=-1",
    "25, 0, 0, z=25",
    "0, 1, 0, x=1",
    "0, 0, 1, y=1",
    "3, 8, 0, x=8",
    "3, -1, 0, x=-1",
    "3, 0, 8, y=8",
  })
  void invalidCoordinatesAreRejectedNamingTheBadValue(int z, int x, int y, String named) {
    assertThatThrownBy(() -> TileCoord.of(z, x, y)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named);
  }

  @Test
  void decodeRejectsValuesThatNameNoTile() {
    assertThatThrownBy(() -> TileCoord.decode(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TileCoord.decode(25L << 48)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TileCoord.decode(1L << 48 | 2L << 24)).hasMessageContaining("x=2");
  }

  @ParameterizedTest
  @CsvSource({"1, 1, 1, 0, 0, 0", "5, 17, 9, 4, 8, 4", "24, 16777215, 3, 23, 8388607, 1"})
  void parentIsTheContainingTile(int z, int x, int y, int pz, int px, int py) {
    assertThat(TileCoord.of(z, x, y).parent()).isEqualTo(TileCoord.of(pz, px, py));
  }

  @Test
  void rootHasNoParent() {
    assertThatThrownBy(() -> TileCoord.of(0, 0, 0).parent()).isInstanceOf(IllegalStateException.class);
  }
}
