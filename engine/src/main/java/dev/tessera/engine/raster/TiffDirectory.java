package dev.tessera.engine.raster;

/**
 * One image file directory of a tiled TIFF, validated: the full-resolution image, an overview or a mask. Offsets and
 * byte counts are per internal tile, band-major when {@code planar} (one plane per band).
 *
 * @param subfileType TIFF NewSubfileType: bit 0 reduced resolution (overview), bit 2 transparency mask
 */
record TiffDirectory(
    int subfileType,
    int width,
    int height,
    int tileWidth,
    int tileHeight,
    int samplesPerPixel,
    int bitsPerSample,
    SampleType sampleType,
    int compression,
    int predictor,
    boolean planar,
    int photometric,
    int[] extraSamples,
    long[] tileOffsets,
    long[] tileByteCounts,
    byte[] jpegTables,
    GeoReference geo,
    String nodata,
    String gdalMetadata) {

  static final int COMPRESSION_NONE = 1;
  static final int COMPRESSION_LZW = 5;
  static final int COMPRESSION_JPEG = 7;
  static final int COMPRESSION_DEFLATE = 8;
  static final int COMPRESSION_ADOBE_DEFLATE = 32946;
  static final int COMPRESSION_PACKBITS = 32773;
  static final int COMPRESSION_ZSTD = 50000;
  static final int PHOTOMETRIC_RGB = 2;
  static final int PHOTOMETRIC_MASK = 4;
  static final int PHOTOMETRIC_YCBCR = 6;

  boolean isMask() {
    return (subfileType & 4) != 0 || photometric == PHOTOMETRIC_MASK;
  }

  int tilesAcross() {
    return (width + tileWidth - 1) / tileWidth;
  }

  int tilesDown() {
    return (height + tileHeight - 1) / tileHeight;
  }

  /** Index into the offset arrays of the tile at (col, row), for {@code band} when planar. */
  int tileIndex(int col, int row, int band) {
    int index = row * tilesAcross() + col;
    return planar ? band * tilesAcross() * tilesDown() + index : index;
  }

  /** Bytes of one decoded tile (all bands when pixel-interleaved, one band when planar). */
  long decodedTileBytes() {
    long samples = planar ? 1 : samplesPerPixel;
    return bitsPerSample == 1
        ? (long) ((tileWidth + 7) / 8) * tileHeight
        : (long) tileWidth * tileHeight * samples * (bitsPerSample / 8);
  }

  static String compressionName(int compression) {
    return switch (compression) {
      case COMPRESSION_NONE -> "NONE";
      case COMPRESSION_LZW -> "LZW";
      case COMPRESSION_JPEG -> "JPEG";
      case COMPRESSION_DEFLATE, COMPRESSION_ADOBE_DEFLATE -> "DEFLATE";
      case COMPRESSION_PACKBITS -> "PACKBITS";
      case COMPRESSION_ZSTD -> "ZSTD";
      case 34887 -> "LERC";
      case 50001 -> "WEBP";
      case 34925 -> "LZMA";
      default -> "code " + compression;
    };
  }
}
