package dev.tessera.engine.raster;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes JPEG-compressed tiles with the JDK's ImageIO reader. A TIFF keeps the shared quantisation and Huffman
 * tables in JPEGTables and abbreviated streams per tile; the two are spliced into one stream. YCbCr tiles (how GDAL
 * writes RGB JPEG COGs) are converted to RGB by the reader; RGB and grey tiles are read as they are. Thread-safe.
 */
final class JpegTiles {
  private JpegTiles() {}

  static float[][] decode(TiffDirectory d, byte[] raw, int bands, String name) {
    byte[] stream = splice(d.jpegTables(), raw);
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
    if (!readers.hasNext()) {
      throw RasterException.unsupported("this JVM has no JPEG decoder");
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(stream))) {
      reader.setInput(in);
      ImageReadParam param = reader.getDefaultReadParam();
      Raster raster = d.photometric() == TiffDirectory.PHOTOMETRIC_YCBCR
          ? reader.read(0, param).getRaster()
          : reader.readRaster(0, param);
      return samples(raster, d.tileWidth(), d.tileHeight(), bands);
    } catch (IOException | RuntimeException e) {
      throw RasterException.corrupt(name + ": a JPEG tile does not decode (" + e.getMessage() + ")");
    } finally {
      reader.dispose();
    }
  }

  /**
   * The decoded raster's bands as floats, tile-sized (a JPEG may be cut short at the image edge). Reads the byte
   * buffer directly: {@code Raster.getSample} per pixel cost as much as the JPEG decoding itself.
   */
  private static float[][] samples(Raster raster, int tileWidth, int tileHeight, int bands) {
    float[][] out = new float[bands][tileWidth * tileHeight];
    int w = Math.min(raster.getWidth(), tileWidth);
    int h = Math.min(raster.getHeight(), tileHeight);
    int available = Math.min(bands, raster.getNumBands());
    if (raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1
        && raster.getSampleModel() instanceof ComponentSampleModel model) {
      byte[] data = buffer.getData();
      int pixelStride = model.getPixelStride();
      int scanlineStride = model.getScanlineStride();
      int origin = buffer.getOffset() + (raster.getMinY() - raster.getSampleModelTranslateY()) * scanlineStride
          + (raster.getMinX() - raster.getSampleModelTranslateX()) * pixelStride;
      for (int b = 0; b < available; b++) {
        float[] band = out[b];
        int bandOffset = origin + model.getBandOffsets()[b];
        for (int y = 0; y < h; y++) {
          int at = bandOffset + y * scanlineStride;
          int row = y * tileWidth;
          for (int x = 0; x < w; x++, at += pixelStride) {
            band[row + x] = data[at] & 0xFF;
          }
        }
      }
      return out;
    }
    for (int b = 0; b < available; b++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out[b][y * tileWidth + x] = raster.getSample(raster.getMinX() + x, raster.getMinY() + y, b);
        }
      }
    }
    return out;
  }

  private static byte[] splice(byte[] tables, byte[] tile) {
    if (tables == null || tables.length < 4 || tile.length < 2) {
      return tile;
    }
    // tables: SOI … EOI; tile: SOI … EOI. Result: SOI + tables' segments + tile's segments.
    int tablesEnd = tables.length - 2;
    byte[] out = new byte[tablesEnd + tile.length - 2];
    System.arraycopy(tables, 0, out, 0, tablesEnd);
    System.arraycopy(tile, 2, out, tablesEnd, tile.length - 2);
    return out;
  }
}
