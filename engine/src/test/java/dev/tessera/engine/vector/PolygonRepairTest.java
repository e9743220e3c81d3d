package dev.tessera.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Even-odd repair on the integer grid: WKT in, WKT out, and the saved tile that once decoded invalid. */
class PolygonRepairTest {

  @Test
  void bowTieBecomesTwoTrianglesTouchingAtTheCrossing() {
    checkRepair("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))",
        "MULTIPOLYGON (((0 0, 0 10, 5 5, 0 0)), ((5 5, 10 10, 10 0, 5 5)))");
  }

  @Test
  void ringRunTwiceAlongAnEdgeSplitsIntoTwoRings() {
    // Clipping makes this: the ring goes up the edge x=10, across, and back down the same edge.
    checkRepair("POLYGON ((0 0, 10 0, 10 10, 20 10, 20 0, 30 0, 30 20, 10 20, 10 10, 10 20, 0 20, 0 0))",
        "POLYGON ((0 0, 10 0, 10 10, 20 10, 20 0, 30 0, 30 20, 0 20, 0 0))");
  }

  @Test
  void validInputComesBackTopologicallyEqual() {
    checkRepair("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10))",
        "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10))");
  }

  /**
   * Tile 1/1/1 of GiantFeatureTest's 500k-vertex polygon, as simplified and rounded before repair (6516 points, a
   * ring self-intersection at (3825, 2)). The old repair (snap-rounded unary union, GeometryFixer fallback) passed
   * its own check but the independent decoder read a self-intersection near (962, 2522). Replayed at z0 through the
   * whole renderer (the coordinates are already integers there) and decoded independently.
   */
  @Test
  void testIssueGiant111RepairedTileDecodesValid() throws IOException {
    Geometry input = MvtTesting.wkt(resource("/vector/issue_giant_1_1_1.wkt"));
    assertThat(input.isValid()).isFalse();
    TileRenderer renderer = new TileRenderer(0, 0, 0, TilerOptions.defaults(), new long[] {7},
        new AttributeDictionary().freeze(), new int[][] {{}}, "sea", 1);
    renderer.add(feature(input));
    assertThat(renderer.repaired).isEqualTo(1);
    List<MvtTesting.Decoded> decoded = MvtTesting.decode(renderer.finish(), "sea");
    assertThat(decoded).hasSize(1);
    Geometry out = decoded.get(0).geometry();
    assertThat(out.isValid()).as("decoded tile is valid").isTrue();
    // Repair changes slivers the size of the tolerance, not the map: area within 1%.
    assertThat(Math.abs(out.getArea() - input.buffer(0).getArea())).isLessThan(0.01 * out.getArea());
  }

  /**
   * Random tangles on a small grid (crossings rounding onto other edges, shared vertices, overlapping edges): the
   * grid method gives a valid result, and only rarely leaves a case to the fallback.
   */
  @Test
  void gridMethodIsValidOnDenseTangles() {
    SplittableRandom random = new SplittableRandom(20261123);
    int cases = 3000;
    int failed = 0;
    for (int c = 0; c < cases; c++) {
      List<int[]> rings = randomRings(random, 1);
      try {
        Geometry grid = PolygonRepair.evenOddGrid(rings);
        assertThat(grid.isValid()).as("valid, case %d: %s", c, grid).isTrue();
      } catch (IllegalStateException e) {
        failed++;
      }
    }
    assertThat(failed).as("cases left to the fallback").isLessThanOrEqualTo(cases / 100);
  }

  /**
   * The same tangles scaled up, so that rounding moves the boundary by half a unit while a face is thousands of
   * square units: the grid method fills the same faces as JTS's noder and polygonizer (the area between the two is
   * at most the slivers along the boundary).
   */
  @Test
  void gridMethodFillsTheSameFacesAsJts() {
    SplittableRandom random = new SplittableRandom(42);
    for (int c = 0; c < 1000; c++) {
      List<int[]> rings = randomRings(random, 173);
      Geometry oracle = PolygonRepair.evenOddJts(rings);
      Geometry grid = PolygonRepair.evenOddGrid(rings);
      assertThat(grid.isValid()).as("valid, case %d", c).isTrue();
      double slivers = grid.symDifference(oracle).getArea();
      assertThat(slivers).as("case %d: %s vs %s", c, grid, oracle).isLessThanOrEqualTo(oracle.getLength());
    }
  }

  /** One to three closed random walks on a grid of 4 to 60 units, each coordinate multiplied by {@code scale}. */
  private static List<int[]> randomRings(SplittableRandom random, int scale) {
    int size = random.nextInt(4, 60);
    List<int[]> rings = new ArrayList<>();
    for (int r = random.nextInt(1, 4); r > 0; r--) {
      int n = random.nextInt(3, 40);
      int[] pts = new int[2 * n + 2];
      for (int i = 0; i < n; i++) {
        pts[2 * i] = random.nextInt(size) * scale;
        pts[2 * i + 1] = random.nextInt(size) * scale;
      }
      pts[2 * n] = pts[0];
      pts[2 * n + 1] = pts[1];
      rings.add(pts);
    }
    return rings;
  }

  private static void checkRepair(String wkt, String expectedWkt) {
    Geometry g = MvtTesting.wkt(wkt);
    List<int[]> rings = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      rings.add(ints(p.getExteriorRing()));
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        rings.add(ints(p.getInteriorRingN(h)));
      }
    }
    for (Geometry fixed : List.of(PolygonRepair.evenOddGrid(rings), PolygonRepair.evenOddJts(rings))) {
      assertThat(fixed.isValid()).as("valid: %s", fixed).isTrue();
      assertThat(fixed.equalsTopo(MvtTesting.wkt(expectedWkt))).as("%s", fixed).isTrue();
    }
  }

  private static int[] ints(LineString ring) {
    Coordinate[] c = ring.getCoordinates();
    int[] out = new int[c.length * 2];
    for (int i = 0; i < c.length; i++) {
      out[2 * i] = (int) c[i].x;
      out[2 * i + 1] = (int) c[i].y;
    }
    return out;
  }

  /** The rings in tile units of a z0 tile, as a unit-square feature whose every vertex survives simplification. */
  private static TileFeature feature(Geometry g) {
    List<double[]> parts = new ArrayList<>();
    List<Boolean> outer = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      for (int r = 0; r <= p.getNumInteriorRing(); r++) {
        Coordinate[] c = (r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1)).getCoordinates();
        double[] part = new double[c.length * 3];
        for (int k = 0; k < c.length; k++) {
          part[3 * k] = c[k].x / 4096;
          part[3 * k + 1] = c[k].y / 4096;
          part[3 * k + 2] = 1;
        }
        parts.add(part);
        outer.add(r == 0);
      }
    }
    boolean[] flags = new boolean[outer.size()];
    double[] sizes = new double[outer.size()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = outer.get(i);
      sizes[i] = 1;
    }
    return new TileFeature(TileFeature.POLYGON, 0, parts.toArray(double[][]::new), flags, sizes);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = PolygonRepairTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
