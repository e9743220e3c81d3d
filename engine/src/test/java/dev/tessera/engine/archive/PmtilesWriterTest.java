package dev.tessera.engine.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.engine.archive.PmtilesWriter.Options;
import dev.tessera.engine.archive.PmtilesWriter.TileCompression;
import dev.tessera.engine.archive.PmtilesWriter.TileType;
import dev.tessera.engine.tile.TileCoord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

class PmtilesWriterTest {
  @TempDir Path dir;

  static final Options OPTIONS =
      new Options(TileType.MVT, TileCompression.GZIP, 0, 2, new Envelope(2.5, 4.5, 53.5, 55.5), 1);

  @Test
  void theHeaderDescribesTheLayoutAndTilesAreStoredInTileIdOrder() throws IOException {
    Path out = dir.resolve("a.pmtiles");
    try (var writer = PmtilesWriter.create(out, OPTIONS)) {
      writer.addTile(TileCoord.of(1, 1, 0), new byte[] {4, 4}); // id 4
      writer.addTile(TileCoord.of(0, 0, 0), new byte[] {0}); // id 0
      writer.addTile(TileCoord.of(1, 0, 1), new byte[] {2, 2, 2}); // id 2
      writer.finish("{\"vector_layers\":[]}");
    }
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(b.array(), 0, 7, StandardCharsets.US_ASCII)).isEqualTo("PMTiles");
    assertThat(b.get(7)).isEqualTo((byte) 3);
    assertThat(b.getLong(8)).isEqualTo(127);
    long metadataOffset = b.getLong(24);
    long tilesOffset = b.getLong(56);
    assertThat(b.getLong(64)).isEqualTo(6);
    assertThat(b.getLong(72)).isEqualTo(3);
    assertThat(b.get(96)).isEqualTo((byte) 1);
    assertThat(b.get(98)).isEqualTo((byte) 2);
    assertThat(b.get(99)).isEqualTo((byte) 1);
    assertThat(b.get(100)).isZero();
    assertThat(b.get(101)).isEqualTo((byte) 2);
    assertThat(b.getInt(102)).isEqualTo(25_000_000);
    assertThat(b.getInt(114)).isEqualTo(555_000_000);
    byte[] metadata = new byte[(int) b.getLong(32)];
    b.get((int) metadataOffset, metadata);
    assertThat(new String(gunzip(metadata), StandardCharsets.UTF_8)).isEqualTo("{\"vector_layers\":[]}");
    byte[] tiles = new byte[6];
    b.get((int) tilesOffset, tiles);
    assertThat(tiles).containsExactly(0, 2, 2, 2, 4, 4);
    byte[] root = new byte[(int) b.getLong(16)];
    b.get(127, root);
    // 3 entries; id deltas 0,2,2; run lengths 1; lengths 1,3,2; offsets: first 0+1, then contiguous
    assertThat(gunzip(root)).containsExactly(3, 0, 2, 2, 1, 1, 1, 1, 3, 2, 1, 0, 0);
    assertThat(Files.list(dir)).containsExactly(out);
  }

  @Test
  void manyTilesSpillIntoLeafDirectoriesAndTheRootStaysInTheFirstFetch() throws IOException {
    Path out = dir.resolve("big.pmtiles");
    var options = new Options(TileType.MVT, TileCompression.NONE, 9, 9, new Envelope(-180, 180, -85, 85), 9);
    try (var writer = PmtilesWriter.create(out, options)) {
      for (int x = 0; x < 512; x++) {
        for (int y = 0; y < 512; y++) {
          if ((x * 31 + y * 17) % 5 != 0) { // irregular, so the directory does not compress to nothing
            writer.addTile(TileCoord.of(9, x, y), new byte[1 + (x * y) % 7]);
          }
        }
      }
      writer.finish("{}");
    }
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(127 + b.getLong(16)).isLessThanOrEqualTo(16_384);
    assertThat(b.getLong(48)).isPositive();
  }

  @Test
  void aTileOutsideTheZoomRangeIsRefused() throws IOException {
    try (var writer = PmtilesWriter.create(dir.resolve("z.pmtiles"), OPTIONS)) {
      assertThatThrownBy(() -> writer.addTile(TileCoord.of(3, 0, 0), new byte[1]))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Files.list(dir)).isEmpty();
  }

  static byte[] gunzip(byte[] bytes) throws IOException {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
