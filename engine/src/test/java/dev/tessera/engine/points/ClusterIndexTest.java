package dev.tessera.engine.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ClusterIndexTest {

  /** Clumped random points: most near a few centres, some spread over the world. */
  static double[][] points(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] lon = new double[n];
    double[] lat = new double[n];
    double[][] centres = new double[8][];
    for (int c = 0; c < centres.length; c++) {
      centres[c] = new double[] {random.nextDouble(-170, 170), random.nextDouble(-70, 70)};
    }
    for (int i = 0; i < n; i++) {
      if (random.nextInt(4) == 0) {
        lon[i] = random.nextDouble(-180, 180);
        lat[i] = random.nextDouble(-85, 85);
      } else {
        double[] c = centres[random.nextInt(centres.length)];
        double spread = Math.pow(10, random.nextDouble(-4, 1));
        lon[i] = Math.max(-180, Math.min(180, c[0] + random.nextGaussian() * spread));
        lat[i] = Math.max(-85, Math.min(85, c[1] + random.nextGaussian() * spread));
      }
    }
    return new double[][] {lon, lat};
  }

  @RepeatedTest(6)
  void everyZoomHoldsTheSameClustersAsTheBruteForceOracle(RepetitionInfo info) {
    double[][] p = points(info.getCurrentRepetition(), 1500);
    ClusterOptions options = ClusterOptions.defaults().withMaxZoom(info.getCurrentRepetition() % 2 == 0 ? 16 : 9);
    ClusterIndex index = ClusterIndex.build(p[0], p[1], p[0].length, options);
    NaiveSupercluster oracle = new NaiveSupercluster(p[0], p[1], options);
    SplittableRandom random = new SplittableRandom(info.getCurrentRepetition() * 31L);
    for (int level = options.minZoom(); level <= options.maxZoom() + 1; level++) {
      assertThat(found(index, -180, -90, 180, 90, level)).hasSize(oracle.size(level));
      for (int box = 0; box < 5; box++) {
        double west = random.nextDouble(-180, 170);
        double south = random.nextDouble(-85, 75);
        double east = Math.min(180, west + random.nextDouble(0.01, 60));
        double north = Math.min(85, south + random.nextDouble(0.01, 40));
        List<String> expected = new ArrayList<>();
        for (NaiveSupercluster.Item item :
            oracle.query(Mercator.x(west), Mercator.y(north), Mercator.x(east), Mercator.y(south), level)) {
          expected.add(describe(item.count(), Mercator.lon((float) item.x()), Mercator.lat((float) item.y())));
        }
        assertThat(found(index, west, south, east, north, level))
            .as("level %d box %f,%f,%f,%f", level, west, south, east, north)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  @Test
  void clustersSplitIntoChildrenAndLeavesThatAddUpToTheirCount() {
    double[][] p = points(42, 3000);
    ClusterIndex index = ClusterIndex.build(p[0], p[1], p[0].length, ClusterOptions.defaults());
    List<Integer> top = new ArrayList<>();
    index.query(-180, -90, 180, 90, 0, top::add);
    int total = 0;
    for (int item : top) {
      total += index.count(item);
      if (!index.isCluster(item)) {
        continue;
      }
      int[] childSum = {0};
      index.children(item, c -> {
        childSum[0] += index.count(c);
        return true;
      });
      assertThat(childSum[0]).isEqualTo(index.count(item));
      List<Integer> leaves = new ArrayList<>();
      index.leaves(item, Integer.MAX_VALUE, 0, leaves::add);
      assertThat(leaves).hasSize(index.count(item)).allMatch(l -> !index.isCluster(l)).doesNotHaveDuplicates();
      List<Integer> page = new ArrayList<>();
      index.leaves(item, 3, 1, page::add);
      assertThat(page).containsExactlyElementsOf(leaves.subList(1, Math.min(4, leaves.size())));
    }
    assertThat(total).isEqualTo(3000);
  }

  @Test
  void aClusterHasSplitAtItsExpansionZoom() {
    double[][] p = points(7, 2000);
    ClusterIndex index = ClusterIndex.build(p[0], p[1], p[0].length, ClusterOptions.defaults());
    List<Integer> atFive = new ArrayList<>();
    index.query(-180, -90, 180, 90, 5, atFive::add);
    for (int item : atFive) {
      if (index.isCluster(item)) {
        int zoom = index.expansionZoom(item);
        assertThat(zoom).isGreaterThan(5);
        List<Integer> children = new ArrayList<>();
        index.children(item, children::add);
        assertThat(children.size()).isGreaterThanOrEqualTo(2);
        List<Integer> there = new ArrayList<>();
        index.query(-180, -90, 180, 90, zoom, there::add);
        assertThat(there).containsAll(children).doesNotContain(item);
      }
    }
  }

  @Test
  void aBoxAcrossTheAntimeridianFindsBothSides() {
    double[] lon = {179.5, -179.5, 0, 170};
    double[] lat = {10, 10, 10, 10};
    ClusterIndex index = ClusterIndex.build(lon, lat, 4, ClusterOptions.defaults());
    List<Integer> found = new ArrayList<>();
    index.query(179, 0, -179, 20, 17, found::add);
    assertThat(found).extracting(index::point).containsExactlyInAnyOrder(0, 1);
  }

  @Test
  void coarseLevelsAnsweredFromTheirListsFindWhatTheTreeFinds() {
    double[][] p = points(99, 20_000);
    ClusterOptions options = ClusterOptions.defaults();
    ClusterIndex lists = ClusterIndex.build(p[0], p[1], p[0].length, options);
    ClusterIndex treeOnly = ClusterBuilder.build(p[0], p[1], p[0].length, options, 0);
    assertThat(lists.bytes()).isGreaterThan(treeOnly.bytes()); // some levels do have lists
    SplittableRandom random = new SplittableRandom(7);
    for (int level = 0; level <= options.maxZoom() + 1; level++) {
      assertThat(sorted(found(lists, -180, -90, 180, 90, level)))
          .as("world at level %d", level)
          .isEqualTo(sorted(found(treeOnly, -180, -90, 180, 90, level)));
      for (int box = 0; box < 20; box++) {
        double west = random.nextDouble(-180, 180);
        double east = random.nextDouble(-180, 180); // west > east: across the antimeridian
        double south = random.nextDouble(-85, 80);
        double north = Math.min(85, south + random.nextDouble(0.01, 60));
        assertThat(sorted(found(lists, west, south, east, north, level)))
            .as("level %d box %f,%f,%f,%f", level, west, south, east, north)
            .isEqualTo(sorted(found(treeOnly, west, south, east, north, level)));
      }
    }
  }

  private static List<String> sorted(List<String> items) {
    items.sort(null);
    return items;
  }

  private static List<String> found(ClusterIndex index, double w, double s, double e, double n, int level) {
    List<String> found = new ArrayList<>();
    index.query(w, s, e, n, level, item -> found.add(describe(index.count(item), index.lon(item), index.lat(item))));
    return found;
  }

  private static String describe(int count, double lon, double lat) {
    return count + "@" + Math.round(lon * 1e4) + "," + Math.round(lat * 1e4);
  }
}
