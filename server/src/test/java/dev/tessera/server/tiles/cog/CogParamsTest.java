package dev.tessera.server.tiles.cog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.engine.raster.ImageFormat;
import dev.tessera.engine.raster.RenderOptions;
import dev.tessera.engine.raster.Resampling;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The layer's tileParams as defaults, the query's overrides, and 400s naming the parameter. */
class CogParamsTest {
  static final JsonNode LAYER = JsonMapper.builder().build().readTree(
      "{\"rescale\":[[0,10],[5,20]],\"colormap_name\":\"viridis\",\"bidx\":[1],\"resampling\":\"bilinear\"}");

  static RenderOptions options(Map<String, String> query) {
    return CogParams.of(LAYER, query, Set.of("time")).options(ImageFormat.PNG, 256);
  }

  @Test
  void theLayersParamsApplyAndTheQueryOverridesThem() {
    RenderOptions fromLayer = options(Map.of());
    assertThat(fromLayer.rescale()).isDeepEqualTo(new double[][] {{0, 10}, {5, 20}});
    assertThat(fromLayer.bidx()).containsExactly(1);
    assertThat(fromLayer.resampling()).isEqualTo(Resampling.BILINEAR);
    assertThat(fromLayer.colormap()).isNotNull();
    assertThat(fromLayer.returnMask()).isTrue();

    RenderOptions overridden = options(Map.of("rescale", "-1,1", "colormap_name", "", "return_mask", "false"));
    assertThat(overridden.rescale()).isDeepEqualTo(new double[][] {{-1, 1}});
    assertThat(overridden.colormap()).as("an empty value drops the layer's colormap").isNull();
    assertThat(overridden.returnMask()).isFalse();
  }

  @Test
  void theCacheKeyChangesWithEveryEffectiveParameter() {
    String base = CogParams.of(LAYER, Map.of(), Set.of()).key();
    assertThat(CogParams.of(LAYER, Map.of("nodata", "0"), Set.of()).key()).isNotEqualTo(base);
    assertThat(CogParams.of(LAYER, Map.of("resampling", "bilinear"), Set.of()).key()).isEqualTo(base);
  }

  @Test
  void badOrUnknownParametersAre400NamingThem() {
    assertThatThrownBy(() -> options(Map.of("color", "red")))
        .isInstanceOfSatisfying(CogException.class, e -> assertThat(e.properties()).containsEntry("parameter", "color"));
    for (var bad : Map.of("rescale", "1", "bidx", "0", "nodata", "none", "resampling", "lanczos", "return_mask",
        "maybe", "colormap", "{\"a\":\"#fff\"}", "expression", "b1 +").entrySet()) {
      assertThatThrownBy(() -> options(Map.of(bad.getKey(), bad.getValue())))
          .as(bad.toString())
          .isInstanceOfSatisfying(CogException.class,
              e -> assertThat(e.properties()).containsEntry("parameter", bad.getKey()));
    }
  }

  @Test
  void customColormapsAreStopsOrIntervals() {
    var stops = CogParams.customColormap("{\"0\":\"#000000\",\"10\":[255,255,255]}");
    assertThat(stops.argb(5)).isEqualTo(0xFF808080);
    var intervals = CogParams.customColormap("[[[0,5],\"#ff000080\"],[[5,10],[0,0,255]]]");
    assertThat(intervals.argb(1)).isEqualTo(0x80FF0000);
    assertThat(intervals.argb(7)).isEqualTo(0xFF0000FF);
  }
}
