package dev.tessera.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.tile.WebMercator;
import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;

/**
 * Random polygons (fixed seeds) at random zooms: every polygon written must decode to a valid geometry inside the
 * buffered tile, with closed rings, exterior rings positive and holes negative by the surveyor's formula (y down).
 */
class PolygonValidityPropertyTest {
  private static final int EXTENT = 4096;
  private static final int BUFFER = 64;

  @Test
  void starPolygonsWithHolesStayValidAtEveryZoom() {
    SplittableRandom random = new SplittableRandom(20240611);
    List<SourceFeature> features = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      double lon = -170 + 340 * random.nextDouble();
      double lat = -70 + 140 * random.nextDouble();
      double r = Math.pow(10, -3 + 4 * random.nextDouble());
      LinearRing shell = star(random, lon, lat, r, 0.3, 8 + random.nextInt(300), false);
      LinearRing[] holes = random.nextBoolean()
          ? new LinearRing[] {star(random, lon, lat, r * 0.25, 0.5, 5 + random.nextInt(100), true)}
          : new LinearRing[0];
      features.add(new SourceFeature(i, MvtTesting.FACTORY.createPolygon(shell, holes), "{}"));
    }
    checkRandomTiles(features, random, 400);
  }

  @Test
  void randomWalkPolygonsEvenSelfIntersectingOnesComeOutValid() {
    SplittableRandom random = new SplittableRandom(77);
    List<SourceFeature> features = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      double x = -150 + 300 * random.nextDouble();
      double y = -60 + 120 * random.nextDouble();
      double step = Math.pow(10, -3 + 3 * random.nextDouble());
      int n = 10 + random.nextInt(500);
      Coordinate[] ring = new Coordinate[n + 1];
      for (int k = 0; k < n; k++) {
        ring[k] = new Coordinate(x, y);
        x += step * (random.nextDouble() - 0.5);
        y += step * (random.nextDouble() - 0.5);
      }
      ring[n] = ring[0].copy();
      features.add(new SourceFeature(i, MvtTesting.FACTORY.createPolygon(ring), "{}"));
    }
    checkRandomTiles(features, random, 400);
  }

  private static void checkRandomTiles(List<SourceFeature> features, SplittableRandom random, int tiles) {
    VectorTileIndex index = VectorTileIndex.build(features, TilerOptions.defaults());
    Envelope box = new Envelope(-BUFFER, EXTENT + BUFFER, -BUFFER, EXTENT + BUFFER);
    int polygonsSeen = 0;
    for (int t = 0; t < tiles; t++) {
      SourceFeature f = features.get(random.nextInt(features.size()));
      Coordinate[] coords = f.geometry().getCoordinates();
      Coordinate at = coords[random.nextInt(coords.length)];
      int z = random.nextInt(19);
      int n = 1 << z;
      TileCoord tile = TileCoord.of(z, Math.min(n - 1, (int) (WebMercator.x(at.x) * n)),
          Math.min(n - 1, (int) (WebMercator.y(at.y) * n)));
      byte[] bytes = index.tile(tile, "p");
      if (bytes == null) {
        continue;
      }
      for (MvtTesting.Decoded d : MvtTesting.decode(bytes, "p")) {
        Geometry g = d.geometry();
        assertThat(g.isValid()).as("feature %d at %s: %s", d.id(), tile, g).isTrue();
        assertThat(box.covers(g.getEnvelopeInternal())).as("inside buffered tile %s", tile).isTrue();
        polygonsSeen++;
      }
      checkWinding(bytes, tile);
    }
    assertThat(polygonsSeen).isGreaterThan(tiles / 4);
  }

  /** Reads the command stream itself: each ring closed by ClosePath, the first of a feature positive. */
  private static void checkWinding(byte[] bytes, TileCoord tile) {
    VectorTile.Tile.Layer layer;
    try {
      layer = VectorTile.Tile.parseFrom(bytes).getLayers(0);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    for (VectorTile.Tile.Feature f : layer.getFeaturesList()) {
      List<Integer> g = f.getGeometryList();
      int i = 0;
      int x = 0;
      int y = 0;
      boolean first = true;
      while (i < g.size()) {
        assertThat(g.get(i) & 7).as("MoveTo at %s", tile).isEqualTo(1);
        x += unzig(g.get(i + 1));
        y += unzig(g.get(i + 2));
        List<long[]> ring = new ArrayList<>();
        ring.add(new long[] {x, y});
        i += 3;
        assertThat(g.get(i) & 7).as("LineTo").isEqualTo(2);
        int count = g.get(i) >>> 3;
        assertThat(count).as("a ring has at least 3 distinct points").isGreaterThanOrEqualTo(2);
        i++;
        for (int k = 0; k < count; k++) {
          x += unzig(g.get(i++));
          y += unzig(g.get(i++));
          ring.add(new long[] {x, y});
        }
        assertThat(g.get(i++)).as("ClosePath").isEqualTo(15);
        long area2 = 0;
        for (int k = 0; k < ring.size(); k++) {
          long[] a = ring.get(k);
          long[] b = ring.get((k + 1) % ring.size());
          area2 += a[0] * b[1] - b[0] * a[1];
        }
        assertThat(area2).as("ring area at %s", tile).isNotZero();
        if (first) {
          assertThat(area2).as("first ring of a polygon feature is exterior (positive)").isPositive();
          first = false;
        }
      }
    }
  }

  private static int unzig(int v) {
    return (v >>> 1) ^ -(v & 1);
  }

  private static LinearRing star(SplittableRandom random, double lon, double lat, double r, double jitter, int n,
      boolean clockwise) {
    Coordinate[] c = new Coordinate[n + 1];
    for (int k = 0; k < n; k++) {
      double a = 2 * Math.PI * k / n * (clockwise ? -1 : 1);
      double radius = r * (1 - jitter + jitter * random.nextDouble());
      c[k] = new Coordinate(lon + radius * Math.cos(a), Math.max(-84, Math.min(84, lat + radius * Math.sin(a))));
    }
    c[n] = c[0].copy();
    return MvtTesting.FACTORY.createLinearRing(c);
  }
}
