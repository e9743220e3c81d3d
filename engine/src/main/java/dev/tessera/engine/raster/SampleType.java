package dev.tessera.engine.raster;

import java.nio.ByteBuffer;

/** The data type of a band's samples, as GDAL names them. */
public enum SampleType {
  UINT8("uint8", 1),
  INT8("int8", 1),
  UINT16("uint16", 2),
  INT16("int16", 2),
  UINT32("uint32", 4),
  INT32("int32", 4),
  FLOAT32("float32", 4),
  FLOAT64("float64", 8),
  BIT("bit", 0);

  private final String gdalName;
  private final int bytes;

  SampleType(String gdalName, int bytes) {
    this.gdalName = gdalName;
    this.bytes = bytes;
  }

  public String gdalName() {
    return gdalName;
  }

  int bytes() {
    return bytes;
  }

  /** From TIFF BitsPerSample and SampleFormat (1 unsigned, 2 signed, 3 IEEE float). */
  static SampleType of(int bits, int format) {
    return switch (format * 100 + bits) {
      case 101 -> BIT;
      case 108 -> UINT8;
      case 208 -> INT8;
      case 116 -> UINT16;
      case 216 -> INT16;
      case 132 -> UINT32;
      case 232 -> INT32;
      case 332 -> FLOAT32;
      case 364 -> FLOAT64;
      default -> throw RasterException.unsupported(
          "samples of " + bits + " bits with SampleFormat " + format + " are not supported");
    };
  }

  /** The sample at byte {@code offset} of {@code data} (whose byte order is set), as a double. */
  double read(ByteBuffer data, int offset) {
    return switch (this) {
      case UINT8 -> data.get(offset) & 0xFF;
      case INT8 -> data.get(offset);
      case UINT16 -> data.getShort(offset) & 0xFFFF;
      case INT16 -> data.getShort(offset);
      case UINT32 -> data.getInt(offset) & 0xFFFFFFFFL;
      case INT32 -> data.getInt(offset);
      case FLOAT32 -> data.getFloat(offset);
      case FLOAT64 -> data.getDouble(offset);
      case BIT -> throw new IllegalStateException("bit samples are read as masks");
    };
  }
}
