package dev.tessera.engine.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG writer's output read back by the JDK's independent PNG decoder, pixel for pixel. */
class PngWriterTest {

  static int[] pixels(int w, int h, boolean alpha) {
    int[] argb = new int[w * h];
    for (int i = 0; i < argb.length; i++) {
      int a = alpha ? (i * 7) & 0xFF : 0xFF;
      argb[i] = a << 24 | ((i * 13) & 0xFF) << 16 | ((i / w * 5) & 0xFF) << 8 | (i % w);
    }
    return argb;
  }

  @Test
  void rgbaAndRgbImagesDecodeToTheSamePixels() throws IOException {
    for (boolean alpha : new boolean[] {true, false}) {
      int[] argb = pixels(37, 23, alpha);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(PngWriter.write(argb, 37, 23, alpha)));
      assertThat(image.getWidth()).isEqualTo(37);
      assertThat(image.getHeight()).isEqualTo(23);
      assertThat(image.getColorModel().hasAlpha()).isEqualTo(alpha);
      assertThat(image.getRGB(0, 0, 37, 23, null, 0, 37)).isEqualTo(argb);
    }
  }

  @Test
  void theEncoderWritesRgbWhenEveryPixelIsOpaque() throws IOException {
    byte[] opaque = ImageEncoder.encode(pixels(16, 16, false), 16, 16, ImageFormat.PNG);
    byte[] translucent = ImageEncoder.encode(pixels(16, 16, true), 16, 16, ImageFormat.PNG);
    assertThat(opaque[25]).as("IHDR colour type").isEqualTo((byte) 2);
    assertThat(translucent[25]).as("IHDR colour type").isEqualTo((byte) 6);
    assertThat(ImageIO.read(new ByteArrayInputStream(ImageEncoder.encode(pixels(16, 16, true), 16, 16,
        ImageFormat.JPEG))).getWidth()).isEqualTo(16);
  }
}
