package dev.tessera.engine.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.engine.tile.TileCoord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PmtilesIdsTest {

  /** The spec's examples and values from the reference implementation's tests. */
  @ParameterizedTest
  @CsvSource({
    "0,0,0,0",
    "1,0,0,1",
    "1,0,1,2",
    "1,1,1,3",
    "1,1,0,4",
    "2,0,0,5",
    "3,0,0,21",
    "3,7,0,84",
    "12,3423,1763,19078479",
  })
  void tileIdsFollowTheHilbertCurveZoomByZoom(int z, int x, int y, long id) {
    assertThat(PmtilesIds.tileId(TileCoord.of(z, x, y))).isEqualTo(id);
  }
}
