package dev.tessera.engine.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tileverse.rangereader.RangeReader;
import io.tileverse.rangereader.file.FileRangeReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reads the GDAL-written fixtures of {@code make-fixtures.sh} and checks every pixel against the formula that made
 * it: each compression, predictor, data type and layout, masks, overviews, BigTIFF, and refusals of what it cannot
 * read.
 */
class CogTest {
  static final int W = 96;
  static final int H = 80;

  static Cog open(String name) throws IOException {
    return Cog.open(FileRangeReader.of(fixture(name)), name, new BlockCache(1 << 20));
  }

  static Path fixture(String name) {
    try {
      return Path.of(CogTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Cog.Window all(Cog cog, int... bands) {
    return cog.read(0, 0, 0, W, H, bands, cog.nodata());
  }

  @Test
  void deflateUint8WithAnInternalMaskAndOverviews() throws IOException {
    try (Cog cog = open("u8-deflate-mask.tif")) {
      assertThat(cog.levelSizes()).extracting(s -> s[0]).containsExactly(96, 48, 24);
      assertThat(cog.hasMask()).isTrue();
      assertThat(cog.sampleType()).isEqualTo(SampleType.UINT8);
      assertThat(cog.geo().epsg()).isEqualTo(4326);
      assertThat(cog.geo().x(0, 0)).isEqualTo(10.0);
      assertThat(cog.geo().y(0, 0)).isEqualTo(51.0);
      Cog.Window w = all(cog, 0);
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          assertThat(w.valid(x, y)).as("mask at %d,%d", x, y).isEqualTo(!(x < 10 && y < 10));
          assertThat(w.sample(0, x, y)).isEqualTo((x * 3 + y * 5) % 256);
        }
      }
      // overview 1 made with NEAREST: every other pixel
      Cog.Window half = cog.read(1, 0, 0, 48, 40, new int[] {0}, null);
      assertThat(half.sample(0, 20, 10)).isIn((double) (40 * 3 + 20 * 5) % 256, (double) (41 * 3 + 21 * 5) % 256);
    }
  }

  @Test
  void lzwInt16WithHorizontalPredictorInBigTiffAndNodata() throws IOException {
    try (Cog cog = open("i16-lzw-bigtiff.tif")) {
      assertThat(cog.nodata()).isEqualTo(-9999.0);
      assertThat(cog.geo().epsg()).isEqualTo(32632);
      assertThat(cog.compression()).isEqualTo("LZW");
      Cog.Window w = all(cog, 0);
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          assertThat(w.sample(0, x, y)).isEqualTo((x - 40) * 97 - y * 13);
        }
      }
    }
  }

  @Test
  void zstdFloat32WithFloatingPointPredictor() throws IOException {
    try (Cog cog = open("f32-zstd.tif")) {
      assertThat(cog.compression()).isEqualTo("ZSTD");
      Cog.Window w = all(cog, 0);
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          assertThat(w.sample(0, x, y)).isEqualTo((float) (x * 0.25 - y * 1.5 + 0.125));
        }
      }
    }
  }

  @Test
  void bandAndPixelInterleavedUint16ReadAlike() throws IOException {
    try (Cog band = open("u16-packbits-band.tif");
        Cog pixel = open("u16-none-pixel.tif")) {
      assertThat(band.pixelInterleaved()).isFalse();
      assertThat(pixel.pixelInterleaved()).isTrue();
      Cog.Window a = band.read(0, 5, 7, 60, 50, new int[] {2, 0}, null);
      Cog.Window b = pixel.read(0, 5, 7, 60, 50, new int[] {2, 0}, null);
      for (int y = 7; y < 57; y++) {
        for (int x = 5; x < 65; x++) {
          assertThat(a.sample(0, x, y)).isEqualTo(3000 + x * 7 + y);
          assertThat(a.sample(1, x, y)).isEqualTo(1000 + x * 7 + y);
          assertThat(b.sample(0, x, y)).isEqualTo(a.sample(0, x, y));
        }
      }
    }
  }

  @Test
  void aWindowReadsOnlyTheInternalTilesUnderIt() throws IOException {
    try (Cog cog = open("u16-none-pixel.tif")) {
      cog.read(0, 40, 40, 10, 10, new int[] {0}, null);
      assertThat(cog.tilesRead()).isEqualTo(1);
      assertThat(cog.bytesRead()).isEqualTo(32 * 32 * 3 * 2);
      cog.read(0, 40, 40, 10, 10, new int[] {0}, null);
      assertThat(cog.tilesRead()).as("the second read comes from the block cache").isEqualTo(1);
    }
  }

  @Test
  void aStrippedTiffIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> open("u8-stripped.tif"))
        .isInstanceOfSatisfying(RasterException.class, e -> assertThat(e.kind()).isEqualTo(RasterException.Kind.UNSUPPORTED))
        .hasMessageContaining("not tiled")
        .hasMessageContaining("gdal_translate -of COG");
  }

  @Test
  void truncatedAndGarbageFilesFailClearly() throws IOException {
    byte[] whole = Files.readAllBytes(fixture("u8-deflate-mask.tif"));
    assertThatThrownBy(() -> Cog.open(bytes(new byte[] {'I', 'I', 42}), "tiny", new BlockCache(0)))
        .isInstanceOf(RasterException.class).hasMessageContaining("shorter than a TIFF header");
    assertThatThrownBy(() -> Cog.open(bytes("GIF89a-not-a-tiff".getBytes()), "gif", new BlockCache(0)))
        .isInstanceOf(RasterException.class).hasMessageContaining("byte-order mark");
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 600);
    assertThatThrownBy(() -> {
          try (Cog cog = Cog.open(bytes(cut), "cut", new BlockCache(0))) {
            all(cog, 0);
          }
        })
        .isInstanceOfSatisfying(RasterException.class, e -> assertThat(e.kind()).isEqualTo(RasterException.Kind.CORRUPT))
        .hasMessageContaining("cut");
  }

  /** Random byte flips in the header never escape as anything but a RasterException, and never allocate wildly. */
  @Test
  void corruptHeadersNeverHangOrThrowAnythingElse() throws IOException {
    byte[] whole = Files.readAllBytes(fixture("u8-deflate-mask.tif"));
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      byte[] copy = whole.clone();
      for (int flips = 0; flips < 4; flips++) {
        copy[random.nextInt(1200)] = (byte) random.nextInt(256);
      }
      try (Cog cog = Cog.open(bytes(copy), "fuzz", new BlockCache(1 << 20))) {
        cog.read(0, 0, 0, 40, 40, new int[] {0}, null);
      } catch (RasterException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  static RangeReader bytes(byte[] data) {
    return new RangeReader() {
      @Override
      public int readRange(long offset, int length, ByteBuffer target) {
        if (offset >= data.length) {
          return 0;
        }
        int n = (int) Math.min(length, data.length - offset);
        target.put(data, (int) offset, n);
        return n;
      }

      @Override
      public OptionalLong size() {
        return OptionalLong.of(data.length);
      }

      @Override
      public String getSourceIdentifier() {
        return "memory";
      }

      @Override
      public void close() {}
    };
  }
}
