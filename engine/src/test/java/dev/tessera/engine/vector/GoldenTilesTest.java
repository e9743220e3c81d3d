package dev.tessera.engine.vector;

import static dev.tessera.engine.vector.MvtTesting.wkt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.engine.tile.TileCoord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tiles of a small fixed data set, decoded to readable text and compared with
 * {@code src/test/resources/golden/vector/<z>_<x>_<y>.txt}. Run with {@code -Dgolden.update=true} to rewrite them
 * after an intended change, then read the diff.
 */
class GoldenTilesTest {
  private static final Path DIR = Path.of("src/test/resources/golden/vector");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final Set<String> READ = new TreeSet<>();

  private static final VectorTileIndex INDEX = VectorTileIndex.build(List.of(
      new SourceFeature(1, wkt("POLYGON ((2.2 48.8, 2.5 48.8, 2.5 48.95, 2.2 48.95, 2.2 48.8), "
          + "(2.3 48.85, 2.3 48.9, 2.4 48.9, 2.4 48.85, 2.3 48.85))"), "{\"name\":\"Paris\",\"pop\":2102650}"),
      new SourceFeature(2, wkt("LINESTRING (2.1 48.7, 2.35 48.86, 2.6 48.83, 2.7 49.0)"),
          "{\"name\":\"Seine\",\"navigable\":true,\"depth\":-9.5}"),
      new SourceFeature(3, wkt("MULTIPOINT ((2.29 48.86), (2.35 48.85))"), "{\"kind\":\"sight\",\"nul\":null}"),
      new SourceFeature(4, wkt("MULTIPOLYGON (((-5 47, 8 47, 8 51, -5 51, -5 47)), ((9 41.5, 9.5 41.5, 9.5 43, 9 41.5)))"),
          "{\"name\":\"France-ish\",\"meta\":{\"src\":\"test\"}}"),
      new SourceFeature(-1, wkt("POINT (-179.99 0.01)"), "{\"kind\":\"wraps\"}")),
      TilerOptions.defaults());

  @ParameterizedTest
  @CsvSource({"0, 0, 0", "1, 0, 0", "5, 16, 11", "10, 518, 352", "14, 8294, 5637"})
  void tileMatchesGolden(int z, int x, int y) throws IOException {
    String name = z + "_" + x + "_" + y + ".txt";
    READ.add(name);
    byte[] bytes = INDEX.tile(TileCoord.of(z, x, y), "golden");
    String actual = bytes == null ? "null\n" : MvtTesting.dump(bytes, "golden");
    Path file = DIR.resolve(name);
    if (UPDATE) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file %s (run with -Dgolden.update=true to create)", file).exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void noOrphanedGoldenFiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      Set<String> present = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
      if (READ.size() == 5) {
        assertThat(present).as("golden files no test reads").isEqualTo(READ);
      }
    }
  }
}
