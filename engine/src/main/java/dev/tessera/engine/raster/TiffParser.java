package dev.tessera.engine.raster;

import io.tileverse.rangereader.RangeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the directories of a classic or BigTIFF file: the header and every IFD, with their out-of-line values read by
 * range (a COG keeps them all in its first kilobytes, so one read usually suffices). Every count and offset is
 * checked against the file size and fixed limits before anything is allocated, so a corrupt or hostile header gives a
 * {@link RasterException} rather than a huge allocation or a loop. Not thread-safe; used once per open.
 */
final class TiffParser {
  static final int HEADER_READ_BYTES = 64 * 1024;
  private static final int MAX_DIRECTORIES = 64;
  private static final int MAX_ENTRIES = 1024;
  private static final int MAX_VALUE_BYTES = 16 * 1024 * 1024;
  private static final int MAX_TILE_SIDE = 8192;
  private static final int MAX_BANDS = 256;
  private static final long MAX_DECODED_TILE_BYTES = 256L * 1024 * 1024;

  private final RangeReader source;
  private final String name;
  private final long size;
  private ByteBuffer head;
  private ByteOrder order;
  private boolean big;

  TiffParser(RangeReader source, String name) throws IOException {
    this.source = source;
    this.name = name;
    this.size = source.size().orElse(Long.MAX_VALUE);
  }

  ByteOrder order() {
    return order;
  }

  List<TiffDirectory> parse() throws IOException {
    head = read(0, (int) Math.min(HEADER_READ_BYTES, size));
    if (head.remaining() < 8) {
      throw corrupt("it is shorter than a TIFF header");
    }
    int b0 = head.get(0);
    int b1 = head.get(1);
    if (b0 == 'I' && b1 == 'I') {
      order = ByteOrder.LITTLE_ENDIAN;
    } else if (b0 == 'M' && b1 == 'M') {
      order = ByteOrder.BIG_ENDIAN;
    } else {
      throw corrupt("it does not start with a TIFF byte-order mark");
    }
    head.order(order);
    int magic = head.getShort(2) & 0xFFFF;
    long next;
    if (magic == 42) {
      next = head.getInt(4) & 0xFFFFFFFFL;
    } else if (magic == 43) {
      big = true;
      if (head.remaining() < 16) {
        throw corrupt("its BigTIFF header is truncated");
      }
      next = head.getLong(8);
    } else {
      throw corrupt("its TIFF version is " + magic + ", not 42 or 43");
    }
    List<TiffDirectory> directories = new ArrayList<>();
    List<Long> seen = new ArrayList<>();
    while (next != 0) {
      if (seen.contains(next) || directories.size() >= MAX_DIRECTORIES) {
        throw corrupt("its directory chain loops or holds more than " + MAX_DIRECTORIES + " images");
      }
      seen.add(next);
      Map<Integer, Entry> entries = new HashMap<>();
      next = readDirectory(next, entries);
      directories.add(directory(entries, directories.isEmpty()));
    }
    if (directories.isEmpty()) {
      throw corrupt("it holds no image");
    }
    return directories;
  }

  private long readDirectory(long offset, Map<Integer, Entry> entries) throws IOException {
    int countBytes = big ? 8 : 2;
    ByteBuffer countBuf = bytes(offset, countBytes);
    long count = big ? countBuf.getLong(0) : countBuf.getShort(0) & 0xFFFF;
    if (count <= 0 || count > MAX_ENTRIES) {
      throw corrupt("a directory at byte " + offset + " claims " + count + " entries");
    }
    int entryBytes = big ? 20 : 12;
    ByteBuffer buf = bytes(offset + countBytes, (int) count * entryBytes + (big ? 8 : 4));
    for (int i = 0; i < count; i++) {
      int p = i * entryBytes;
      int tag = buf.getShort(p) & 0xFFFF;
      int type = buf.getShort(p + 2) & 0xFFFF;
      long n = big ? buf.getLong(p + 4) : buf.getInt(p + 4) & 0xFFFFFFFFL;
      int typeSize = typeSize(type);
      if (typeSize == 0) {
        continue; // unknown types are skipped, as libtiff does
      }
      if (n < 0 || n * typeSize > MAX_VALUE_BYTES) {
        throw corrupt("tag " + tag + " claims " + n + " values");
      }
      int length = (int) (n * typeSize);
      int inline = big ? 8 : 4;
      ByteBuffer value;
      if (length <= inline) {
        value = slice(buf, p + (big ? 12 : 8), length);
      } else {
        long at = big ? buf.getLong(p + 12) : buf.getInt(p + 8) & 0xFFFFFFFFL;
        value = bytes(at, length);
      }
      entries.put(tag, new Entry(type, (int) n, value));
    }
    int p = (int) count * entryBytes;
    return big ? buf.getLong(p) : buf.getInt(p) & 0xFFFFFFFFL;
  }

  private TiffDirectory directory(Map<Integer, Entry> e, boolean first) {
    int subfile = (int) scalar(e, 254, 0);
    int width = positive(e, 256, "ImageWidth");
    int height = positive(e, 257, "ImageLength");
    int spp = (int) scalar(e, 277, 1);
    if (spp < 1 || spp > MAX_BANDS) {
      throw corrupt("SamplesPerPixel is " + spp);
    }
    long[] bits = longs(e, 258);
    int bitsPerSample = bits.length == 0 ? 1 : (int) bits[0];
    for (long b : bits) {
      if (b != bitsPerSample) {
        throw RasterException.unsupported(name + ": bands of different bit depths are not supported");
      }
    }
    long[] formats = longs(e, 339);
    int format = formats.length == 0 ? 1 : (int) formats[0];
    SampleType sampleType = SampleType.of(bitsPerSample, format);
    if (!e.containsKey(322) || !e.containsKey(324)) {
      throw RasterException.unsupported(
          name + " is not tiled (a stripped TIFF); convert it to a Cloud-Optimized GeoTIFF, e.g. with"
              + " 'gdal_translate -of COG in.tif out.tif'");
    }
    int tileWidth = positive(e, 322, "TileWidth");
    int tileHeight = positive(e, 323, "TileLength");
    if (tileWidth > MAX_TILE_SIDE || tileHeight > MAX_TILE_SIDE) {
      throw corrupt("its internal tiles are " + tileWidth + "×" + tileHeight + ", larger than " + MAX_TILE_SIDE);
    }
    boolean planar = scalar(e, 284, 1) == 2;
    int compression = (int) scalar(e, 259, 1);
    int predictor = (int) scalar(e, 317, 1);
    if (predictor != 1 && predictor != 2 && predictor != 3) {
      throw RasterException.unsupported(name + ": predictor " + predictor + " is not supported");
    }
    int photometric = (int) scalar(e, 262, 1);
    long[] offsets = longs(e, 324);
    long[] counts = longs(e, 325);
    long tiles = (long) ((width + tileWidth - 1) / tileWidth) * ((height + tileHeight - 1) / tileHeight)
        * (planar ? spp : 1);
    if (offsets.length < tiles || counts.length < tiles) {
      throw corrupt("it lists " + offsets.length + " tile offsets for " + tiles + " tiles");
    }
    long extraSamples[] = longs(e, 338);
    int[] extra = new int[extraSamples.length];
    for (int i = 0; i < extra.length; i++) {
      extra[i] = (int) extraSamples[i];
    }
    var directory = new TiffDirectory(subfile, width, height, tileWidth, tileHeight, spp, bitsPerSample, sampleType,
        compression, predictor, planar, photometric, extra, offsets, counts, raw(e, 347),
        first ? geo(e) : null, ascii(e, 42113), ascii(e, 42112));
    if (directory.decodedTileBytes() > MAX_DECODED_TILE_BYTES) {
      throw corrupt("one internal tile would decode to " + directory.decodedTileBytes() + " bytes");
    }
    return directory;
  }

  private GeoReference geo(Map<Integer, Entry> e) {
    double[] scale = doubles(e, 33550);
    double[] tie = doubles(e, 33922);
    double[] matrix = doubles(e, 34264);
    long[] keys = longs(e, 34735);
    int epsg = 0;
    boolean pixelIsPoint = false;
    for (int i = 4; i + 3 < keys.length; i += 4) {
      int key = (int) keys[i];
      long value = keys[i + 3];
      if (keys[i + 1] != 0) {
        continue; // values stored in other tags: citations and user-defined parameters
      }
      if (key == 1025) {
        pixelIsPoint = value == 2;
      } else if (key == 3072 || (key == 2048 && epsg == 0)) {
        epsg = (int) value;
      }
    }
    if (epsg == 32767) {
      epsg = 0; // user-defined: the parameters are in further keys, not an EPSG code
    }
    GeoReference ref;
    if (matrix.length >= 16) {
      ref = new GeoReference(epsg, matrix[3], matrix[0], matrix[1], matrix[7], matrix[4], matrix[5]);
    } else if (scale.length >= 2 && tie.length >= 6) {
      ref = new GeoReference(epsg, tie[3] - tie[0] * scale[0], scale[0], 0, tie[4] + tie[1] * scale[1], 0, -scale[1]);
    } else {
      return null;
    }
    if (pixelIsPoint) {
      ref = new GeoReference(epsg, ref.x(-0.5, -0.5), ref.pixelX(), ref.rotX(), ref.y(-0.5, -0.5), ref.rotY(),
          ref.pixelY());
    }
    return ref;
  }

  private ByteBuffer bytes(long offset, int length) throws IOException {
    if (offset < 0 || length < 0 || offset + length > size) {
      throw corrupt("a value at byte " + offset + " (" + length + " bytes) lies beyond its end (truncated?)");
    }
    if (offset + length <= head.capacity()) {
      return slice(head, (int) offset, length);
    }
    return read(offset, length);
  }

  private ByteBuffer read(long offset, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    int got = source.readRange(offset, length, buf);
    if (got < length) {
      throw corrupt("it ends at byte " + (offset + Math.max(got, 0)) + " where " + length + " bytes were expected");
    }
    return ByteBuffer.wrap(buf.array(), 0, length).slice().order(order == null ? ByteOrder.BIG_ENDIAN : order);
  }

  private ByteBuffer slice(ByteBuffer buf, int offset, int length) {
    return buf.slice(offset, length).order(order);
  }

  private static int typeSize(int type) {
    return switch (type) {
      case 1, 2, 6, 7 -> 1;
      case 3, 8 -> 2;
      case 4, 9, 11, 13 -> 4;
      case 5, 10, 12, 16, 17, 18 -> 8;
      default -> 0;
    };
  }

  private int positive(Map<Integer, Entry> e, int tag, String what) {
    long v = scalar(e, tag, -1);
    if (v <= 0 || v > Integer.MAX_VALUE) {
      throw corrupt(what + " is " + (v < 0 && !e.containsKey(tag) ? "missing" : String.valueOf(v)));
    }
    return (int) v;
  }

  private long scalar(Map<Integer, Entry> e, int tag, long fallback) {
    long[] v = longs(e, tag);
    return v.length == 0 ? fallback : v[0];
  }

  private static long[] longs(Map<Integer, Entry> e, int tag) {
    Entry entry = e.get(tag);
    if (entry == null) {
      return new long[0];
    }
    long[] out = new long[entry.count];
    ByteBuffer v = entry.value;
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (entry.type) {
        case 1, 7 -> v.get(i) & 0xFF;
        case 6 -> v.get(i);
        case 3 -> v.getShort(i * 2) & 0xFFFF;
        case 8 -> v.getShort(i * 2);
        case 4, 13 -> v.getInt(i * 4) & 0xFFFFFFFFL;
        case 9 -> v.getInt(i * 4);
        case 16, 17, 18 -> v.getLong(i * 8);
        default -> (long) doubleAt(entry, i);
      };
    }
    return out;
  }

  private static double[] doubles(Map<Integer, Entry> e, int tag) {
    Entry entry = e.get(tag);
    if (entry == null) {
      return new double[0];
    }
    double[] out = new double[entry.count];
    for (int i = 0; i < out.length; i++) {
      out[i] = doubleAt(entry, i);
    }
    return out;
  }

  private static double doubleAt(Entry entry, int i) {
    ByteBuffer v = entry.value;
    return switch (entry.type) {
      case 11 -> v.getFloat(i * 4);
      case 12 -> v.getDouble(i * 8);
      case 5 -> (v.getInt(i * 8) & 0xFFFFFFFFL) / (double) (v.getInt(i * 8 + 4) & 0xFFFFFFFFL);
      case 10 -> v.getInt(i * 8) / (double) v.getInt(i * 8 + 4);
      default -> longs(Map.of(0, entry), 0)[i];
    };
  }

  private static byte[] raw(Map<Integer, Entry> e, int tag) {
    Entry entry = e.get(tag);
    if (entry == null) {
      return null;
    }
    byte[] out = new byte[entry.value.remaining()];
    entry.value.duplicate().get(out);
    return out;
  }

  private static String ascii(Map<Integer, Entry> e, int tag) {
    byte[] bytes = raw(e, tag);
    if (bytes == null) {
      return null;
    }
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] == 0) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.ISO_8859_1).strip();
  }

  private RasterException corrupt(String why) {
    return RasterException.corrupt(name + " is not a readable TIFF: " + why);
  }

  private record Entry(int type, int count, ByteBuffer value) {}
}
