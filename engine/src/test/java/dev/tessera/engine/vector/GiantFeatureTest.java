package dev.tessera.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.engine.tile.TileCoord;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * One polygon of 500 000 vertices (a noisy ring around the world with a noisy hole), like a seas or land layer that
 * is a single feature. Tiles must come out valid and of sane size; timing is for {@code bench/}, not for tests.
 */
class GiantFeatureTest {
  static final int VERTICES = 500_000;
  private static VectorTileIndex index;

  @BeforeAll
  static void build() {
    index = VectorTileIndex.build(List.of(new SourceFeature(1, giant(VERTICES, 42), "{\"name\":\"sea\"}")),
        TilerOptions.defaults());
  }

  /** A star-shaped, hence valid, noisy ellipse spanning most of the world, with a noisy hole in the middle. */
  static Polygon giant(int vertices, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int holeVertices = vertices / 10;
    return MvtTesting.FACTORY.createPolygon(MvtTesting.FACTORY.createLinearRing(ring(random, vertices - holeVertices,
        170, 78, 0.08, false)), new org.locationtech.jts.geom.LinearRing[] {
          MvtTesting.FACTORY.createLinearRing(ring(random, holeVertices, 40, 20, 0.2, true))});
  }

  private static Coordinate[] ring(SplittableRandom random, int n, double rx, double ry, double noise, boolean cw) {
    Coordinate[] c = new Coordinate[n + 1];
    double r = 1;
    for (int k = 0; k < n; k++) {
      // A bounded random walk on the radius: coast-like detail at every scale.
      r = Math.max(1 - noise, Math.min(1, r + noise * 0.05 * (random.nextDouble() - 0.5)));
      double a = 2 * Math.PI * k / n * (cw ? -1 : 1);
      c[k] = new Coordinate(rx * r * Math.cos(a), ry * r * Math.sin(a));
    }
    c[n] = c[0].copy();
    return c;
  }

  @Test
  void everyTileOfZoomsZeroToFourIsValidAndSmall() {
    int tiles = 0;
    for (int z = 0; z <= 4; z++) {
      for (int x = 0; x < 1 << z; x++) {
        for (int y = 0; y < 1 << z; y++) {
          byte[] bytes = index.tile(TileCoord.of(z, x, y), "sea");
          if (bytes == null) {
            continue;
          }
          tiles++;
          assertThat(bytes.length).as("size of %d/%d/%d", z, x, y).isLessThan(200_000);
          checkValid(bytes, TileCoord.of(z, x, y));
        }
      }
    }
    assertThat(tiles).isGreaterThan(200);
  }

  @Test
  void deepTilesAlongTheCoastAreValid() {
    Coordinate[] shell = giantShell();
    for (int i = 0; i < 12; i++) {
      Coordinate c = shell[i * (shell.length / 12)];
      TileCoord tile = VectorTileIndexTest.tileAt(10 + i % 5, c.x, c.y);
      byte[] bytes = index.tile(tile, "sea");
      assertThat(bytes).as("tile %s on the coast", tile).isNotNull();
      checkValid(bytes, tile);
    }
    assertThat(index.drilledPoints()).isLessThanOrEqualTo(VectorTileIndex.DRILL_CACHE_MAX_POINTS);
  }

  @Test
  void describesItself() {
    assertThat(index.vertexCount()).isEqualTo(VERTICES + 2);
    assertThat(index.bounds()).isEqualTo(giant(VERTICES, 42).getEnvelopeInternal());
    assertThat(index.fields()).containsEntry("name", "String");
  }

  private static Coordinate[] giantShell() {
    return giant(VERTICES, 42).getExteriorRing().getCoordinates();
  }

  private static void checkValid(byte[] bytes, TileCoord tile) {
    Envelope box = new Envelope(-64, 4160, -64, 4160);
    for (MvtTesting.Decoded d : MvtTesting.decode(bytes, "sea")) {
      Geometry g = d.geometry();
      assertThat(g.isValid()).as("valid at %s", tile).isTrue();
      assertThat(box.covers(g.getEnvelopeInternal())).isTrue();
    }
  }
}
