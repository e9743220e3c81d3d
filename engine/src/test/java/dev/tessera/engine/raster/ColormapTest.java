package dev.tessera.engine.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Colormaps against their published definitions: matplotlib's and cmocean's documented colours. */
class ColormapTest {

  /** End and middle colours as matplotlib/cmocean publish them (hex from their docs and data files). */
  @ParameterizedTest
  @CsvSource({
    "viridis, 0, #440154",
    "viridis, 255, #fde725",
    "viridis, 128, #21918c",
    "plasma, 0, #0d0887",
    "plasma, 255, #f0f921",
    "inferno, 0, #000004",
    "inferno, 255, #fcffa4",
    "magma, 0, #000004",
    "magma, 255, #fcfdbf",
    "cividis, 0, #00224e",
    "cividis, 255, #fee838",
    "greys, 0, #ffffff",
    "greys, 255, #000000",
    "blues, 0, #f7fbff",
    "blues, 255, #08306b",
    "rdylgn, 0, #a50026",
    "rdylgn, 255, #006837",
    "thermal, 0, #042333",
    "thermal, 255, #e8fa5b",
    "terrain, 0, #333399",
  })
  void namedRampsHoldTheirPublishedColours(String name, int index, String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    assertThat(Colormap.named(name).argb(index) & 0xFFFFFF).as("%s[%d]", name, index).isEqualTo(rgb);
    assertThat(Colormap.named(name).argb(index) >>> 24).isEqualTo(0xFF);
    assertThat(Colormap.named(name + "_r").argb(255 - index) & 0xFFFFFF).isEqualTo(rgb);
  }

  @Test
  void unknownNamesAreRefusedNamingTheParameter() {
    assertThatThrownBy(() -> Colormap.named("rainbow"))
        .isInstanceOfSatisfying(RasterException.class, e -> assertThat(e.parameter()).isEqualTo("colormap_name"))
        .hasMessageContaining("viridis");
  }

  @Test
  void stopsInterpolateAndIntervalsClassify() {
    Colormap stops = Colormap.stops(new double[] {0, 100}, new int[] {0xFF000000, 0xFFFFFFFF});
    assertThat(stops.argb(50)).isEqualTo(0xFF808080);
    assertThat(stops.argb(-1)).isZero();
    assertThat(stops.argb(100)).isEqualTo(0xFFFFFFFF);
    Colormap intervals = Colormap.intervals(List.of(new double[] {0, 10}, new double[] {10, 20}),
        new int[] {0xFFFF0000, 0xFF00FF00});
    assertThat(intervals.argb(9.99)).isEqualTo(0xFFFF0000);
    assertThat(intervals.argb(10)).isEqualTo(0xFF00FF00);
    assertThat(intervals.argb(20)).isZero();
    assertThat(Colormap.parseHex("#11223344")).isEqualTo(0x44112233);
    assertThat(Colormap.parseHex("#112233")).isEqualTo(0xFF112233);
    assertThat(Colormap.parseHex("red")).isNull();
  }
}
