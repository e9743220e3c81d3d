package dev.tessera.server.places;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.engine.points.ClusterIndex;
import dev.tessera.engine.points.ClusterOptions;
import dev.tessera.server.testing.NodeTools;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * engine/points against supercluster itself (npm, run by node): the same clumped points and boxes must give the same
 * clusters — count, position and expansion zoom — at every zoom.
 */
class ClusterIndexVsSuperclusterTest {
  /** Degrees: ours are read back from float coordinates (≈ 2e-5° apart at most), supercluster's from doubles. */
  private static final double TOLERANCE = 5e-5;

  @ParameterizedTest
  @CsvSource({"1, 40, 2, 16", "2, 60, 3, 12", "3, 20, 2, 18"})
  void clustersMatchSuperclusterForTheSamePointsAndBoxes(long seed, int radius, int minPoints, int maxZoom) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 4000;
    double[] lon = new double[n];
    double[] lat = new double[n];
    for (int i = 0; i < n; i++) {
      boolean spread = random.nextInt(3) == 0;
      double spreadDegrees = Math.pow(10, random.nextDouble(-3, 0.5));
      lon[i] = spread ? random.nextDouble(-180, 180) : clamp(10 * (i % 7) + random.nextGaussian() * spreadDegrees, 180);
      lat[i] = spread ? random.nextDouble(-80, 80) : clamp(5 * (i % 5) + random.nextGaussian() * spreadDegrees, 85);
    }
    List<double[]> queries = new ArrayList<>();
    for (int q = 0; q < 60; q++) {
      double z = q % (maxZoom + 3);
      double w = random.nextDouble(-180, 150);
      double s = random.nextDouble(-80, 60);
      double width = 360 / Math.pow(2, Math.max(0, z - 2));
      queries.add(new double[] {z, w, s, Math.min(180, w + width), Math.min(85, s + width / 2)});
    }
    queries.add(new double[] {0, -180, -90, 180, 90});
    queries.add(new double[] {3, 170, -90, -170, 90});

    StringBuilder input = new StringBuilder();
    input.append(String.format(Locale.ROOT,
        "{\"options\":{\"radius\":%d,\"extent\":512,\"minPoints\":%d,\"maxZoom\":%d},\"points\":[",
        radius, minPoints, maxZoom));
    for (int i = 0; i < n; i++) {
      input.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.17g,%.17g]", lon[i], lat[i]));
    }
    input.append("],\"queries\":[");
    for (int q = 0; q < queries.size(); q++) {
      double[] v = queries.get(q);
      input.append(q == 0 ? "" : ",")
          .append(String.format(Locale.ROOT, "[%s,%.17g,%.17g,%.17g,%.17g]", (int) v[0], v[1], v[2], v[3], v[4]));
    }
    input.append("]}");
    NodeTools.Result result = NodeTools.run("supercluster-counts.mjs", input.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(result.exitCode()).as(result.output()).isZero();
    JsonNode expected = JsonMapper.builder().build().readTree(result.output());

    ClusterIndex index =
        ClusterIndex.build(lon, lat, n, new ClusterOptions(radius, 512, minPoints, 0, maxZoom, 64));
    for (int q = 0; q < queries.size(); q++) {
      double[] v = queries.get(q);
      List<double[]> ours = new ArrayList<>();
      index.query(v[1], v[2], v[3], v[4], index.level(v[0]), item -> ours.add(new double[] {
          index.count(item), index.lon(item), index.lat(item), index.isCluster(item) ? index.expansionZoom(item) : -1}));
      JsonNode theirs = expected.get(q);
      assertThat(ours).as("query %d: zoom %s box %s,%s,%s,%s", q, v[0], v[1], v[2], v[3], v[4]).hasSize(theirs.size());
      for (JsonNode item : theirs) {
        double[] match = null;
        for (double[] o : ours) {
          boolean same = o[0] == item.get(0).asInt() && o[3] == (item.get(3).isNull() ? -1 : item.get(3).asInt())
              && Math.abs(o[1] - item.get(1).asDouble()) < TOLERANCE && Math.abs(o[2] - item.get(2).asDouble()) < TOLERANCE;
          if (same) {
            match = o;
            break;
          }
        }
        assertThat(match).as("query %d: supercluster's %s", q, item).isNotNull();
        ours.remove(match);
      }
    }
  }

  private static double clamp(double v, double limit) {
    return Math.max(-limit, Math.min(limit, v));
  }

}
