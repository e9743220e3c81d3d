package dev.tessera.engine.raster;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses one internal tile into exactly {@code expected} bytes (the size the directory promises), so a corrupt
 * or hostile stream can neither allocate more nor loop: DEFLATE (java.util.zip), LZW (TIFF's variant, written here:
 * no maintained Java library does only this), PACKBITS, ZSTD (aircompressor's pure-Java decoder) and none. JPEG tiles
 * are decoded to pixels by {@link JpegTiles}. Stateless and thread-safe.
 */
final class Decompression {
  private Decompression() {}

  static byte[] decompress(int compression, byte[] in, int expected, String name) {
    try {
      return switch (compression) {
        case TiffDirectory.COMPRESSION_NONE -> fit(in, expected);
        case TiffDirectory.COMPRESSION_DEFLATE, TiffDirectory.COMPRESSION_ADOBE_DEFLATE -> inflate(in, expected);
        case TiffDirectory.COMPRESSION_LZW -> Lzw.decode(in, expected);
        case TiffDirectory.COMPRESSION_PACKBITS -> packBits(in, expected);
        case TiffDirectory.COMPRESSION_ZSTD -> zstd(in, expected);
        default -> throw RasterException.unsupported(
            name + " uses " + TiffDirectory.compressionName(compression)
                + " compression; supported: NONE, DEFLATE, LZW, PACKBITS, ZSTD, JPEG");
      };
    } catch (DataFormatException | MalformedInputException | ArrayIndexOutOfBoundsException e) {
      throw RasterException.corrupt(name + ": an internal tile does not decompress (" + e.getMessage() + ")");
    }
  }

  /** Short tiles (a truncated last strip, or a writer's economy) are padded with zeros, as libtiff does. */
  private static byte[] fit(byte[] in, int expected) {
    if (in.length == expected) {
      return in;
    }
    byte[] out = new byte[expected];
    System.arraycopy(in, 0, out, 0, Math.min(in.length, expected));
    return out;
  }

  private static byte[] inflate(byte[] in, int expected) throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(in);
      byte[] out = new byte[expected];
      int n = 0;
      while (n < expected && !inflater.finished()) {
        int got = inflater.inflate(out, n, expected - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += got;
      }
      return out;
    } finally {
      inflater.end();
    }
  }

  private static byte[] packBits(byte[] in, int expected) {
    byte[] out = new byte[expected];
    int i = 0;
    int o = 0;
    while (i < in.length && o < expected) {
      int n = in[i++];
      if (n >= 0) {
        int count = Math.min(n + 1, Math.min(expected - o, in.length - i));
        System.arraycopy(in, i, out, o, count);
        i += n + 1;
        o += count;
      } else if (n != -128 && i < in.length) {
        int count = Math.min(1 - n, expected - o);
        byte b = in[i++];
        for (int k = 0; k < count; k++) {
          out[o++] = b;
        }
      }
    }
    return out;
  }

  private static byte[] zstd(byte[] in, int expected) {
    long size = ZstdDecompressor.getDecompressedSize(in, 0, in.length);
    if (size > expected) {
      throw RasterException.corrupt("a ZSTD tile claims " + size + " bytes, more than " + expected);
    }
    byte[] out = new byte[expected];
    new ZstdDecompressor().decompress(in, 0, in.length, out, 0, expected);
    return out;
  }

  /** TIFF LZW (MSB-first codes, early change), after the TIFF 6.0 specification §13. */
  static final class Lzw {
    private static final int CLEAR = 256;
    private static final int EOI = 257;

    private Lzw() {}

    static byte[] decode(byte[] in, int expected) {
      byte[] out = new byte[expected];
      int[] prefix = new int[4096];
      byte[] suffix = new byte[4096];
      byte[] first = new byte[4096];
      int[] length = new int[4096];
      for (int i = 0; i < 256; i++) {
        suffix[i] = (byte) i;
        first[i] = (byte) i;
        length[i] = 1;
      }
      int next = 258;
      int width = 9;
      int previous = -1;
      int o = 0;
      long bitPos = 0;
      long totalBits = (long) in.length * 8;
      while (bitPos + width <= totalBits && o < expected) {
        int code = readBits(in, bitPos, width);
        bitPos += width;
        if (code == EOI) {
          break;
        }
        if (code == CLEAR) {
          next = 258;
          width = 9;
          previous = -1;
          continue;
        }
        if (previous == -1) {
          if (code > 255) {
            throw RasterException.corrupt("LZW stream starts with code " + code);
          }
          out[o++] = (byte) code;
          previous = code;
          continue;
        }
        int entry;
        if (code < next) {
          entry = code;
          if (next < 4096) {
            add(prefix, suffix, first, length, next++, previous, first[code]);
          }
        } else if (code == next && next < 4096) {
          add(prefix, suffix, first, length, next++, previous, first[previous]);
          entry = code;
        } else {
          throw RasterException.corrupt("LZW code " + code + " is beyond the table (" + next + ")");
        }
        o = write(out, o, entry, prefix, suffix, length);
        previous = code;
        if (next + 1 >= (1 << width) && width < 12) {
          width++;
        }
      }
      return out;
    }

    private static void add(int[] prefix, byte[] suffix, byte[] first, int[] length, int code, int previous, byte c) {
      prefix[code] = previous;
      suffix[code] = c;
      first[code] = first[previous];
      length[code] = length[previous] + 1;
    }

    private static int write(byte[] out, int o, int code, int[] prefix, byte[] suffix, int[] length) {
      int n = length[code];
      int end = Math.min(o + n, out.length);
      int pos = o + n - 1;
      while (code >= 0 && pos >= o) {
        if (pos < end) {
          out[pos] = suffix[code];
        }
        pos--;
        code = code < 258 ? -1 : prefix[code];
      }
      return end;
    }

    private static int readBits(byte[] in, long bitPos, int width) {
      int byteIndex = (int) (bitPos >>> 3);
      int value = (in[byteIndex] & 0xFF) << 16;
      if (byteIndex + 1 < in.length) {
        value |= (in[byteIndex + 1] & 0xFF) << 8;
      }
      if (byteIndex + 2 < in.length) {
        value |= in[byteIndex + 2] & 0xFF;
      }
      int shift = 24 - (int) (bitPos & 7) - width;
      return (value >>> shift) & ((1 << width) - 1);
    }
  }
}
