package dev.tessera.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.engine.tile.TileCoord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentTilesTest {
  @Test
  void eightThreadsGetTheSameBytesAsOne() throws Exception {
    List<SourceFeature> features = List.of(
        new SourceFeature(1, GiantFeatureTest.giant(8_000, 7), "{\"a\":1}"),
        new SourceFeature(2, MvtTesting.wkt("LINESTRING (-100 10, 0 -20, 100 30)"), "{\"b\":\"x\"}"));
    TilerOptions options = new TilerOptions(4096, 64, 1.0, 22, 2, 1_000);
    List<TileCoord> tiles = new ArrayList<>();
    for (int z = 3; z <= 12; z++) {
      int n = 1 << z;
      for (int i = 0; i < 12; i++) {
        // Tiles along the coast at the equator's east and west: overlapping ancestors, shared drill paths.
        tiles.add(TileCoord.of(z, Math.min(n - 1, (int) (n * (0.02 + 0.004 * i))), n / 2));
        tiles.add(TileCoord.of(z, Math.min(n - 1, (int) (n * (0.97 - 0.004 * i))), n / 2 - (z > 0 ? 1 : 0)));
      }
    }
    VectorTileIndex single = VectorTileIndex.build(features, options);
    Map<TileCoord, byte[]> expected = new HashMap<>();
    for (TileCoord t : tiles) {
      expected.put(t, single.tile(t, "l"));
    }
    VectorTileIndex shared = VectorTileIndex.build(features, options);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Map<TileCoord, byte[]>>> results = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        List<TileCoord> order = new ArrayList<>(tiles);
        Collections.shuffle(order, new Random(thread));
        results.add(pool.submit(() -> {
          Map<TileCoord, byte[]> got = new HashMap<>();
          for (TileCoord t : order) {
            got.put(t, shared.tile(t, "l"));
          }
          return got;
        }));
      }
      for (Future<Map<TileCoord, byte[]>> result : results) {
        Map<TileCoord, byte[]> got = result.get();
        for (TileCoord t : tiles) {
          assertThat(got.get(t)).as("tile %s", t).isEqualTo(expected.get(t));
        }
      }
    } finally {
      pool.shutdown();
    }
    assertThat(expected.values()).filteredOn(b -> b != null).hasSizeGreaterThan(tiles.size() / 4);
  }
}
