package dev.tessera.engine.raster;

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

  static double[][] decode(TiffDirectory d, byte[] raw, int bands, String name) {
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
      int pixels = d.tileWidth() * d.tileHeight();
      double[][] out = new double[bands][pixels];
      int w = Math.min(raster.getWidth(), d.tileWidth());
      int h = Math.min(raster.getHeight(), d.tileHeight());
      int available = raster.getNumBands();
      for (int b = 0; b < Math.min(bands, available); b++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            out[b][y * d.tileWidth() + x] = raster.getSample(raster.getMinX() + x, raster.getMinY() + y, b);
          }
        }
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw RasterException.corrupt(name + ": a JPEG tile does not decode (" + e.getMessage() + ")");
    } finally {
      reader.dispose();
    }
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
