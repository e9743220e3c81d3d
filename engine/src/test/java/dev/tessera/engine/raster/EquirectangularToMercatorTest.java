package dev.tessera.engine.raster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.engine.tile.WebMercator;
import org.junit.jupiter.api.Test;

/** Geographic images to Web Mercator tiles: each output row at its own latitude, columns untouched. */
class EquirectangularToMercatorTest {

  /** A source whose red channel is its row and blue its column: the output says where each pixel came from. */
  private static int[] rowsAndColumns(int width, int height) {
    int[] argb = new int[width * height];
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        argb[r * width + c] = 0xFF000000 | (r << 16) | c;
      }
    }
    return argb;
  }

  @Test
  void eachRowComesFromTheLatitudeOfItsCentre() {
    for (int[] zy : new int[][] {{0, 0}, {2, 1}, {5, 12}}) {
      int z = zy[0];
      int y = zy[1];
      int[] out = EquirectangularToMercator.warp(rowsAndColumns(256, 256), 256, 256, z, y, 256);
      double north = WebMercator.lat(y / (double) (1 << z));
      double south = WebMercator.lat((y + 1) / (double) (1 << z));
      for (int row = 0; row < 256; row++) {
        double lat = WebMercator.lat((y + (row + 0.5) / 256) / (1 << z));
        double source = Math.max(0, Math.min(255, (north - lat) / (north - south) * 256 - 0.5));
        int red = (out[row * 256 + 100] >>> 16) & 0xFF;
        assertThat((double) red).as("z%d y%d row %d", z, y, row).isCloseTo(source, org.assertj.core.data.Offset.offset(0.51));
        assertThat(out[row * 256 + 100] & 0xFF).as("column kept").isEqualTo(100);
      }
    }
  }

  @Test
  void aWholeWorldTileStretchesTheEquatorAndSqueezesThePoles() {
    int[] out = EquirectangularToMercator.warp(rowsAndColumns(256, 256), 256, 256, 0, 0, 256);
    // the equator is the middle of both (row 128 is just south of it: source row 128.5)
    assertThat((out[128 * 256] >>> 16) & 0xFF).isBetween(128, 129);
    // an eighth of the way down Mercator is already at 79°N, an eighth of the way down the source at 64°N: the
    // source's top 9 rows are stretched over the tile's top 32
    assertThat((out[32 * 256] >>> 16) & 0xFF).isBetween(8, 10);
  }

  @Test
  void aSourceOfAnotherSizeIsSampledToTheOutputSize() {
    int[] out = EquirectangularToMercator.warp(rowsAndColumns(128, 64), 128, 64, 3, 3, 256);
    assertThat(out).hasSize(256 * 256);
    assertThat(out[255] & 0xFF).as("last column from the last source column").isEqualTo(127);
  }
}
