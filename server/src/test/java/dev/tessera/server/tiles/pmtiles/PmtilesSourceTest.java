package dev.tessera.server.tiles.pmtiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.engine.archive.PmtilesWriter;
import dev.tessera.engine.archive.PmtilesWriter.Options;
import dev.tessera.engine.archive.PmtilesWriter.TileCompression;
import dev.tessera.engine.archive.PmtilesWriter.TileType;
import dev.tessera.engine.tile.TileCoord;
import dev.tessera.server.tiles.Tile;
import dev.tessera.server.tiles.TileFormat;
import io.tileverse.rangereader.file.FileRangeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/** Archives written by the engine's writer, read back through Tileverse, including leaf directories. */
class PmtilesSourceTest {
  @TempDir Path dir;

  /** Irregular lengths and gaps, so the directory does not compress into the root alone. */
  static byte[] content(int x, int y) {
    return ByteBuffer.allocate(8 + (x * y) % 7).putInt(x).putInt(y).array();
  }

  static boolean present(int x, int y) {
    return (x * 31 + y * 17) % 5 != 0;
  }

  @Test
  void everyTileOfALargeArchiveIsFoundThroughLeafDirectories() throws IOException {
    Path file = dir.resolve("big.pmtiles");
    var options = new Options(TileType.PNG, TileCompression.NONE, 9, 9, new Envelope(-180, 180, -85, 85), 9);
    try (var writer = PmtilesWriter.create(file, options)) {
      for (int x = 0; x < 512; x++) {
        for (int y = 0; y < 512; y++) {
          if (present(x, y)) {
            writer.addTile(TileCoord.of(9, x, y), content(x, y));
          }
        }
      }
      writer.finish("{}");
    }
    var header = ByteBuffer.wrap(Files.readAllBytes(file)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertThat(header.getLong(48)).as("leaf directories bytes").isPositive();

    try (PmtilesSource source = PmtilesSource.open("big.pmtiles", false, FileRangeReader.of(file))) {
      assertThat(source.format()).isEqualTo(TileFormat.PNG);
      assertThat(source.info().minZoom()).isEqualTo(9);
      for (int x = 0; x < 512; x += 7) {
        for (int y = 0; y < 512; y += 3) {
          Tile tile = source.tile(TileCoord.of(9, x, y));
          if (present(x, y)) {
            assertThat(tile).as(x + "/" + y).isEqualTo(Tile.raw(content(x, y)));
          } else {
            assertThat(tile).as(x + "/" + y).isNull();
          }
        }
      }
      assertThat(source.tile(TileCoord.of(8, 0, 0))).isNull();
      assertThat(source.tile(TileCoord.of(9, 511, 0))).isEqualTo(Tile.raw(content(511, 0)));
    }
  }

  @Test
  void gzippedTilesAreHandedOnStillGzipped() throws IOException {
    Path file = dir.resolve("v.pmtiles");
    byte[] gz = PmtilesWriter.gzip(new byte[] {1, 2, 3});
    var options = new Options(TileType.MVT, TileCompression.GZIP, 0, 1, new Envelope(0, 10, 0, 10), 0);
    try (var writer = PmtilesWriter.create(file, options)) {
      writer.addTile(TileCoord.of(1, 1, 0), gz);
      writer.finish("{\"vector_layers\":[{\"id\":\"a\",\"fields\":{}}]}");
    }
    try (PmtilesSource source = PmtilesSource.open("v.pmtiles", false, FileRangeReader.of(file))) {
      assertThat(source.tile(TileCoord.of(1, 1, 0))).isEqualTo(Tile.gzipped(gz));
      assertThat(source.tile(TileCoord.of(1, 0, 0))).isNull();
      assertThat(source.info().vectorLayers().get(0).get("id").asString()).isEqualTo("a");
      assertThat(source.info().bounds()).isEqualTo(new Envelope(0, 10, 0, 10));
    }
  }

  @Test
  void aFileThatIsNoArchiveIsUnreadable() throws IOException {
    Path file = Files.writeString(dir.resolve("not.pmtiles"), "not an archive at all, but long enough ".repeat(8));
    assertThatThrownBy(() -> PmtilesSource.open("not.pmtiles", false, FileRangeReader.of(file)))
        .isInstanceOf(PmtilesException.class)
        .extracting(e -> ((PmtilesException) e).code())
        .isEqualTo("archive_unreadable");
  }
}
