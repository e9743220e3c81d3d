package dev.tessera.engine.raster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.engine.tile.TileCoord;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Warping the fixtures: overview choice as gdalwarp's, interpolated transforms against exact ones, outside tiles. */
class WarpTest {

  @Test
  void overviewChoiceFollowsGdalwarpsLoop() throws IOException {
    try (Cog cog = CogTest.open("u8-deflate-mask.tif")) { // levels: ratio 1, 2, 4
      assertThat(Warp.coarsestWithin(cog, 0.5)).isZero();
      assertThat(Warp.coarsestWithin(cog, 1.95)).as("below the next ratio: full resolution").isZero();
      assertThat(Warp.coarsestWithin(cog, 1.95 + 0.1)).isEqualTo(1);
      assertThat(Warp.coarsestWithin(cog, 3.9)).isEqualTo(1);
      assertThat(Warp.coarsestWithin(cog, 4.05)).isEqualTo(2);
      assertThat(Warp.coarsestWithin(cog, 100)).isEqualTo(2);
    }
  }

  @Test
  void interpolatedSourcePixelsStayWithinTheirErrorBoundOfExactOnes() throws IOException {
    try (Cog cog = CogTest.open("f32-zstd.tif")) { // EPSG:3035: interpolated, not closed-form
      TileCoord tile = TileCoord.of(14, 8438, 5428);
      double[] xs = new double[256 * 256];
      double[] ys = new double[256 * 256];
      Warp.Transformed t = Warp.sourcePixels(cog, tile, 256, xs, ys);
      double error = t.error();
      double levelScale = (double) cog.level(t.level()).width() / cog.width();
      assertThat(error).as("interpolated, with the error measured").isPositive();
      assertThat(error * levelScale).as("error in the level's pixels").isLessThanOrEqualTo(Warp.MAX_GRID_ERROR);
      double[] exactX = new double[256 * 256];
      double[] exactY = new double[256 * 256];
      double scale = 1 << 14;
      for (int k = 0; k < exactX.length; k++) {
        exactX[k] = (tile.x() + (k % 256 + 0.5) / 256) / scale;
        exactY[k] = (tile.y() + (k / 256 + 0.5) / 256) / scale;
      }
      Warp.toCrs(3035, exactX, exactY, exactX.length);
      double[] pixel = new double[2];
      double worst = 0;
      for (int k = 0; k < exactX.length; k++) {
        cog.geo().toPixel(exactX[k], exactY[k], pixel);
        worst = Math.max(worst, Math.max(Math.abs(pixel[0] - xs[k]), Math.abs(pixel[1] - ys[k])));
      }
      assertThat(worst).isLessThan(4 * Math.max(error, 1e-9));
    }
  }

  @Test
  void lowZoomTilesReadingAnOverviewAreInterpolatedToo() throws IOException {
    try (Cog cog = CogTest.open("f32-zstd.tif")) {
      TileCoord tile = TileCoord.of(8, 131, 84); // ~3.8 full-resolution pixels per output pixel
      double[] xs = new double[256 * 256];
      double[] ys = new double[256 * 256];
      Warp.Transformed t = Warp.sourcePixels(cog, tile, 256, xs, ys);
      assertThat(t.level()).as("an overview").isPositive();
      assertThat(t.error()).as("interpolated, not transformed pixel by pixel").isPositive();
    }
  }

  @Test
  void aTileOutsideTheRasterRendersNothing() throws IOException {
    try (Cog cog = CogTest.open("u8-deflate-mask.tif")) {
      assertThat(RasterRenderer.tile(cog, TileCoord.of(5, 0, 0), RenderOptions.defaults())).isNull();
      assertThat(RasterRenderer.tile(cog, TileCoord.of(8, 135, 86), RenderOptions.defaults())).isNotNull();
    }
  }
}
