package dev.tessera.engine.raster;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.image.BufferedImage;
import java.util.Locale;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * Lossless WebP through libwebp, bundled for Linux, macOS and Windows by {@code com.github.usefulness:webp-imageio}
 * (no maintained pure-Java WebP encoder exists). Lossless keeps tiles exact, as PNG does, usually smaller; the fastest
 * effort (method 0, quality 0) because tiles are rendered per request: higher efforts cost 5–10× the time for
 * ~20% fewer bytes. The writer is created directly rather than looked up in ImageIO's registry, which a Spring Boot
 * jar's class loader may not have scanned. Stateless and thread-safe (a writer per image).
 */
public final class WebpWriter {
  private static final boolean AVAILABLE = probe();

  private WebpWriter() {}

  /** Whether libwebp loaded on this platform; when false, WebP requests must be refused. */
  public static boolean available() {
    return AVAILABLE;
  }

  static byte[] write(int[] argb, int width, int height, boolean alpha) {
    if (!AVAILABLE) {
      throw RasterException.unsupported("WebP encoding is not available on this platform (libwebp did not load)");
    }
    BufferedImage image =
        new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, argb, 0, width);
    ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
    WebPWriteParam param = new WebPWriteParam(Locale.ROOT);
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionType(CompressionType.Lossless);
    param.setCompressionQuality(0f); // for lossless: the effort, least here
    param.setMethod(0);
    param.setExact(true); // keep the colour of transparent pixels as given
    return ImageEncoder.write(writer, image, param);
  }

  private static boolean probe() {
    try {
      new WebPImageWriterSpi().createWriterInstance(null).dispose();
      return write1x1();
    } catch (Throwable e) { // UnsatisfiedLinkError, or the loader's own exception on an unknown platform
      return false;
    }
  }

  private static boolean write1x1() {
    BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
    return ImageEncoder.write(writer, image, writer.getDefaultWriteParam()).length > 0;
  }
}
