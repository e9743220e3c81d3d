package dev.tessera.engine.raster;

import static org.assertj.core.api.Assertions.assertThat;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;

/**
 * WebP tiles: a lossless RIFF/VP8L stream that libwebp's decoder reads back pixel for pixel (GDAL's WEBP driver
 * checks served tiles the same way in RasterTilesIT).
 */
class WebpWriterTest {

  @Test
  void libwebpLoadsOnThisPlatform() {
    assertThat(WebpWriter.available()).isTrue();
  }

  @Test
  void losslessWebpDecodesToTheSamePixelsWithAndWithoutAlpha() throws IOException {
    for (boolean alpha : new boolean[] {true, false}) {
      int[] argb = PngWriterTest.pixels(37, 23, alpha);
      byte[] webp = ImageEncoder.encode(argb, 37, 23, ImageFormat.WEBP);
      assertThat(new String(webp, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
      assertThat(new String(webp, 8, 8, StandardCharsets.US_ASCII)).as("lossless bitstream").isEqualTo("WEBPVP8L");
      BufferedImage image = decode(webp);
      assertThat(image.getWidth()).isEqualTo(37);
      assertThat(image.getHeight()).isEqualTo(23);
      assertThat(image.getRGB(0, 0, 37, 23, null, 0, 37)).isEqualTo(argb);
    }
  }

  static BufferedImage decode(byte[] webp) throws IOException {
    ImageReader reader = new WebPImageReaderSpi().createReaderInstance(null);
    try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(webp))) {
      reader.setInput(in);
      return reader.read(0);
    } finally {
      reader.dispose();
    }
  }
}
