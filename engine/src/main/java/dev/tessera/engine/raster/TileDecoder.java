package dev.tessera.engine.raster;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns the bytes of one internal tile into samples: decompression, predictor undone (2 horizontal differencing, 3
 * floating point), then one array per band held by the tile (all bands pixel-interleaved, one when planar):
 * {@code float[]} for types a float holds exactly (8- and 16-bit integers, float32), halving what the block cache
 * keeps, else {@code double[]}. Masks (1 bit) become one byte per pixel, 0 for transparent. Stateless and
 * thread-safe.
 */
final class TileDecoder {
  private TileDecoder() {}

  static Object[] samples(TiffDirectory d, byte[] raw, ByteOrder order, String name) {
    int bands = d.planar() ? 1 : d.samplesPerPixel();
    int pixels = d.tileWidth() * d.tileHeight();
    if (raw.length == 0) {
      return floats(new double[bands][pixels]); // a sparse tile (never written): zeros, as GDAL reads it
    }
    if (d.compression() == TiffDirectory.COMPRESSION_JPEG) {
      return JpegTiles.decode(d, raw, bands, name);
    }
    byte[] data = Decompression.decompress(d.compression(), raw, (int) d.decodedTileBytes(), name);
    int bytes = d.sampleType().bytes();
    if (d.predictor() == 2) {
      horizontal(data, d.tileWidth(), d.tileHeight(), bands, bytes, order);
    }
    ByteBuffer buf = ByteBuffer.wrap(data).order(order);
    if (d.predictor() == 3) {
      buf = ByteBuffer.wrap(floatingPoint(data, d.tileWidth(), d.tileHeight(), bands, bytes))
          .order(ByteOrder.BIG_ENDIAN);
    }
    SampleType type = d.sampleType();
    if (type == SampleType.FLOAT32 && bands == 1) {
      float[] floats = new float[pixels]; // the common single-band float case in one bulk copy
      buf.asFloatBuffer().get(floats, 0, Math.min(pixels, buf.remaining() / 4));
      return new Object[] {floats};
    }
    boolean exactInFloat = type != SampleType.UINT32 && type != SampleType.INT32 && type != SampleType.FLOAT64;
    Object[] out = new Object[bands];
    for (int b = 0; b < bands; b++) {
      out[b] = exactInFloat ? new float[pixels] : new double[pixels];
    }
    int offset = 0;
    for (int p = 0; p < pixels; p++) {
      for (int b = 0; b < bands; b++) {
        double v = type.read(buf, offset);
        if (exactInFloat) {
          ((float[]) out[b])[p] = (float) v;
        } else {
          ((double[]) out[b])[p] = v;
        }
        offset += bytes;
      }
    }
    return out;
  }

  private static Object[] floats(double[][] samples) {
    Object[] out = new Object[samples.length];
    for (int b = 0; b < samples.length; b++) {
      float[] f = new float[samples[b].length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) samples[b][i];
      }
      out[b] = f;
    }
    return out;
  }

  /** A 1-bit transparency mask tile as one byte per pixel: 0 transparent, 1 opaque. */
  static byte[] mask(TiffDirectory d, byte[] raw, String name) {
    if (raw.length == 0) {
      return new byte[d.tileWidth() * d.tileHeight()];
    }
    byte[] data = Decompression.decompress(d.compression(), raw, (int) d.decodedTileBytes(), name);
    int width = d.tileWidth();
    int rowBytes = (width + 7) / 8;
    byte[] out = new byte[width * d.tileHeight()];
    for (int y = 0; y < d.tileHeight(); y++) {
      for (int x = 0; x < width; x++) {
        out[y * width + x] = (byte) ((data[y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1);
      }
    }
    return out;
  }

  /** Undoes TIFF predictor 2: each sample was stored as the difference from the same band's previous pixel. */
  private static void horizontal(byte[] data, int width, int height, int bands, int bytes, ByteOrder order) {
    ByteBuffer buf = ByteBuffer.wrap(data).order(order);
    int rowSamples = width * bands;
    for (int y = 0; y < height; y++) {
      int row = y * rowSamples;
      for (int i = bands; i < rowSamples; i++) {
        int at = (row + i) * bytes;
        int prev = (row + i - bands) * bytes;
        switch (bytes) {
          case 1 -> data[at] = (byte) (data[at] + data[prev]);
          case 2 -> buf.putShort(at, (short) (buf.getShort(at) + buf.getShort(prev)));
          case 4 -> buf.putInt(at, buf.getInt(at) + buf.getInt(prev));
          case 8 -> buf.putLong(at, buf.getLong(at) + buf.getLong(prev));
          default -> throw RasterException.unsupported("predictor 2 on " + bytes + "-byte samples");
        }
      }
    }
  }

  /**
   * Undoes TIFF predictor 3 (Adobe's floating-point predictor, as libtiff's fpAcc): per row, bytes were
   * byte-differenced and then split into planes, most significant byte first. Returns big-endian samples.
   */
  private static byte[] floatingPoint(byte[] data, int width, int height, int bands, int bytes) {
    int rowBytes = width * bands * bytes;
    int rowSamples = width * bands;
    byte[] out = new byte[data.length];
    for (int y = 0; y < height; y++) {
      int row = y * rowBytes;
      for (int i = bands; i < rowBytes; i++) {
        data[row + i] = (byte) (data[row + i] + data[row + i - bands]);
      }
      for (int s = 0; s < rowSamples; s++) {
        for (int b = 0; b < bytes; b++) {
          out[row + s * bytes + b] = data[row + b * rowSamples + s];
        }
      }
    }
    return out;
  }
}
