package dev.tessera.server.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A layer's kept stats after one edit: exact without a scan where they can be, a scan asked for where not. */
class VectorLayerStatsTest {
  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  /** What a scan of the layer would say. */
  private static FeatureStats scan(List<Geometry> layer) {
    if (layer.isEmpty()) {
      return new FeatureStats(0, null, false);
    }
    Envelope bounds = new Envelope();
    layer.forEach(g -> bounds.expandToInclude(g.getEnvelopeInternal()));
    return new FeatureStats(layer.size(), bounds, layer.stream().allMatch(g -> g.getDimension() == 0));
  }

  private static Geometry point(double x, double y) {
    return GEOMETRIES.createPoint(new Coordinate(x, y));
  }

  private static Geometry square(double x, double y) {
    return GEOMETRIES.toGeometry(new Envelope(x, x + 1, y, y + 1));
  }

  @Test
  void randomEditsKeepTheStatsAScanWouldGiveAndScanOnlyWhenTheyMustChangeTheHardWay() {
    Random random = new Random(7);
    List<Geometry> layer = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      layer.add(point(random.nextDouble() * 100, random.nextDouble() * 50));
    }
    ObjectNode config = JsonMapper.builder().build().createObjectNode();
    VectorLayerStats.write(config, scan(layer));
    int scans = 0;
    for (int edit = 0; edit < 5_000; edit++) {
      int i = random.nextInt(layer.size());
      Geometry removed = layer.get(i);
      Geometry added = random.nextInt(20) == 0 ? square(random.nextDouble() * 99, random.nextDouble() * 49)
          : random.nextInt(3) == 0 ? null : point(random.nextDouble() * 110 - 5, random.nextDouble() * 55);
      if (added == null) {
        layer.remove(i);
      } else {
        layer.set(i, added);
      }
      FeatureStats kept = VectorLayerStats.afterChange(config, removed, added);
      FeatureStats exact = scan(layer);
      if (kept == null) {
        scans++;
        kept = exact;
      }
      assertThat(kept).as("edit %d", edit).isEqualTo(exact);
      VectorLayerStats.write(config, kept);
      if (layer.size() < 100) {
        layer.add(point(random.nextDouble() * 100, random.nextDouble() * 50)); // keep the layer going
        VectorLayerStats.write(config, scan(layer));
      }
    }
    assertThat(scans).as("scans in 5,000 edits").isLessThan(500);
  }

  @Test
  void movingAPointInsideAMillionAsksForNoScanButMovingTheOutermostOneDoes() {
    ObjectNode config = JsonMapper.builder().build().createObjectNode();
    VectorLayerStats.write(config, new FeatureStats(1_000_000, new Envelope(-10, 10, -5, 5), true));
    FeatureStats moved = VectorLayerStats.afterChange(config, point(1, 1), point(2, 2));
    assertThat(moved).isEqualTo(new FeatureStats(1_000_000, new Envelope(-10, 10, -5, 5), true));
    assertThat(VectorLayerStats.afterChange(config, point(1, 1), point(20, 2)).bounds())
        .as("grown to take the new place").isEqualTo(new Envelope(-10, 20, -5, 5));
    assertThat(VectorLayerStats.afterChange(config, point(10, 1), point(2, 2))).as("the east edge may shrink").isNull();
    assertThat(VectorLayerStats.afterChange(config, point(1, 1), square(0, 0)).pointsOnly()).isFalse();
  }
}
