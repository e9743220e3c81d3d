package dev.tessera.engine.raster;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes ARGB pixels: PNG with {@link PngWriter} (RGB when every pixel is opaque, else RGBA), lossless WebP with
 * {@link WebpWriter} (likewise) and JPEG with the JDK's ImageIO writer (quality 0.85, no alpha). Thread-safe.
 */
public final class ImageEncoder {
  private ImageEncoder() {}

  public static byte[] encode(int[] argb, int width, int height, ImageFormat format) {
    boolean opaque = format == ImageFormat.JPEG || allOpaque(argb);
    if (format == ImageFormat.PNG) {
      return PngWriter.write(argb, width, height, !opaque);
    }
    if (format == ImageFormat.WEBP) {
      return WebpWriter.write(argb, width, height, !opaque);
    }
    BufferedImage image =
        new BufferedImage(width, height, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, width, height, argb, 0, width);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.85f);
    return write(writer, image, param);
  }

  /** {@code image} encoded by {@code writer} with {@code param}, in memory; the writer is disposed. */
  static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new IllegalStateException("encoding an in-memory image failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static boolean allOpaque(int[] argb) {
    for (int p : argb) {
      if ((p >>> 24) != 0xFF) {
        return false;
      }
    }
    return true;
  }
}
