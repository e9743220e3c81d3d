package dev.tessera.engine.raster;

import io.tileverse.rangereader.RangeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open Cloud-Optimized GeoTIFF: its directories parsed once at open, then pixel windows read from the internal
 * tiles that cover them, each fetched by one byte-range read and kept decoded in a shared {@link BlockCache}.
 * Levels are the full-resolution image and its overviews, finest first, each with its internal mask if it has one.
 * Thread-safe: one instance serves every request for its file.
 */
public final class Cog implements AutoCloseable {
  private static final Pattern DESCRIPTION =
      Pattern.compile("<Item name=\"DESCRIPTION\" sample=\"(\\d+)\" role=\"description\">([^<]*)</Item>");

  private final String name;
  private final RangeReader source;
  private final ByteOrder order;
  private final List<Level> levels;
  private final GeoReference geo;
  private final Double nodata;
  private final int alphaBand;
  private final String[] descriptions;
  private final BlockCache cache;
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong tilesRead = new AtomicLong();

  /** One resolution: its image directory and, if the file has one, its transparency mask directory. */
  record Level(TiffDirectory image, TiffDirectory mask, int id) {
    int width() {
      return image.width();
    }

    int height() {
      return image.height();
    }
  }

  private Cog(String name, RangeReader source, ByteOrder order, List<Level> levels, Double nodata, int alphaBand,
      String[] descriptions, BlockCache cache) {
    this.name = name;
    this.source = source;
    this.order = order;
    this.levels = levels;
    this.geo = levels.getFirst().image().geo();
    this.nodata = nodata;
    this.alphaBand = alphaBand;
    this.descriptions = descriptions;
    this.cache = cache;
  }

  /**
   * Reads the directories of the COG behind {@code source} ({@code name} is how errors and info name it).
   *
   * @throws RasterException if it is not a tiled, georeferenced TIFF this reader supports
   */
  public static Cog open(RangeReader source, String name, BlockCache cache) {
    TiffParser parser;
    List<TiffDirectory> directories;
    try {
      parser = new TiffParser(source, name);
      directories = parser.parse();
    } catch (IOException e) {
      throw RasterException.io(name + " could not be read: " + e.getMessage(), e);
    }
    TiffDirectory full = directories.getFirst();
    if (full.isMask()) {
      throw RasterException.corrupt(name + ": its first image is a mask");
    }
    if (full.geo() == null || !full.geo().invertible()) {
      throw RasterException.unsupported(name + " is not georeferenced (no GeoTIFF transform)");
    }
    if (full.geo().epsg() == 0) {
      throw RasterException.unsupported(name + " names no EPSG coordinate reference system");
    }
    List<TiffDirectory> images = new ArrayList<>();
    List<TiffDirectory> masks = new ArrayList<>();
    for (TiffDirectory d : directories) {
      (d.isMask() ? masks : images).add(d);
    }
    List<Level> levels = new ArrayList<>();
    for (TiffDirectory image : images) {
      if (image.samplesPerPixel() != full.samplesPerPixel() || image.sampleType() != full.sampleType()) {
        continue; // not an overview of this image (e.g. a thumbnail)
      }
      TiffDirectory mask = masks.stream()
          .filter(m -> m.width() == image.width() && m.height() == image.height() && m.bitsPerSample() == 1)
          .findFirst().orElse(null);
      levels.add(new Level(image, mask, levels.size()));
    }
    levels.sort(Comparator.comparingInt(Level::width).reversed());
    int alpha = -1;
    int[] extra = full.extraSamples();
    if (extra.length > 0 && (extra[extra.length - 1] == 1 || extra[extra.length - 1] == 2)) {
      alpha = full.samplesPerPixel() - 1;
    }
    return new Cog(name, source, parser.order(), List.copyOf(levels), nodata(full.nodata()), alpha,
        descriptions(full), cache);
  }

  private static Double nodata(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return text.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String[] descriptions(TiffDirectory full) {
    String[] out = new String[full.samplesPerPixel()];
    Arrays.fill(out, "");
    if (full.gdalMetadata() != null) {
      Matcher m = DESCRIPTION.matcher(full.gdalMetadata());
      while (m.find()) {
        int band = Integer.parseInt(m.group(1));
        if (band < out.length) {
          out[band] = m.group(2);
        }
      }
    }
    return out;
  }

  public String name() {
    return name;
  }

  public GeoReference geo() {
    return geo;
  }

  public int width() {
    return levels.getFirst().width();
  }

  public int height() {
    return levels.getFirst().height();
  }

  /** Bands in the file, the alpha band included. */
  public int bandCount() {
    return levels.getFirst().image().samplesPerPixel();
  }

  /** 0-based index of the alpha band, or -1. */
  public int alphaBand() {
    return alphaBand;
  }

  public SampleType sampleType() {
    return levels.getFirst().image().sampleType();
  }

  /** The nodata value the file declares (GDAL_NODATA), or null. */
  public Double nodata() {
    return nodata;
  }

  public String[] descriptions() {
    return descriptions.clone();
  }

  public boolean hasMask() {
    return levels.getFirst().mask() != null;
  }

  public String compression() {
    return TiffDirectory.compressionName(levels.getFirst().image().compression());
  }

  public boolean pixelInterleaved() {
    return !levels.getFirst().image().planar();
  }

  /** Colour interpretation of each band, as GDAL names it. */
  public List<String> colorInterpretation() {
    TiffDirectory full = levels.getFirst().image();
    List<String> out = new ArrayList<>();
    for (int b = 0; b < full.samplesPerPixel(); b++) {
      boolean rgb = full.photometric() == TiffDirectory.PHOTOMETRIC_RGB
          || full.photometric() == TiffDirectory.PHOTOMETRIC_YCBCR;
      if (b == alphaBand) {
        out.add("alpha");
      } else if (rgb && b < 3) {
        out.add(new String[] {"red", "green", "blue"}[b]);
      } else if (b == 0 && full.samplesPerPixel() <= 2) {
        out.add("gray");
      } else {
        out.add("undefined");
      }
    }
    return out;
  }

  /** Sizes of the levels, full resolution first: {@code [width, height]} each. */
  public List<int[]> levelSizes() {
    return levels.stream().map(l -> new int[] {l.width(), l.height()}).toList();
  }

  int levelCount() {
    return levels.size();
  }

  Level level(int index) {
    return levels.get(index);
  }

  /** Bytes fetched from the source since open (internal tiles; the directories not counted). */
  public long bytesRead() {
    return bytesRead.get();
  }

  /** Internal tiles fetched from the source since open. */
  public long tilesRead() {
    return tilesRead.get();
  }

  /**
   * The pixels of {@code bands} (0-based) in the window at (x0, y0) of size w×h of {@code level}; pixels outside the
   * image, masked, transparent in the alpha band or equal to {@code nodata} (when not null) are marked invalid.
   */
  public Window read(int level, int x0, int y0, int w, int h, int[] bands, Double nodata) {
    Level l = levels.get(level);
    TiffDirectory d = l.image();
    Window window = new Window(x0, y0, w, h, bands.length);
    int tw = d.tileWidth();
    int th = d.tileHeight();
    int colStart = Math.max(0, Math.floorDiv(x0, tw));
    int colEnd = Math.min(d.tilesAcross() - 1, Math.floorDiv(x0 + w - 1, tw));
    int rowStart = Math.max(0, Math.floorDiv(y0, th));
    int rowEnd = Math.min(d.tilesDown() - 1, Math.floorDiv(y0 + h - 1, th));
    List<Runnable> copies = new ArrayList<>();
    boolean anyMissing = false;
    for (int row = rowStart; row <= rowEnd; row++) {
      for (int col = colStart; col <= colEnd; col++) {
        int c = col;
        int r = row;
        copies.add(() -> copyTile(l, c, r, window, bands, nodata));
        anyMissing |= !cache.contains(new BlockCache.Key(this, l.id() * 2, d.tileIndex(col, row, 0)));
      }
    }
    if (anyMissing) {
      Decoders.runAll(copies); // each copy writes its own part of the window
    } else {
      copies.forEach(Runnable::run);
    }
    return window;
  }

  private void copyTile(Level l, int col, int row, Window window, int[] bands, Double nodata) {
    TiffDirectory d = l.image();
    int tw = d.tileWidth();
    int th = d.tileHeight();
    int tx0 = col * tw;
    int ty0 = row * th;
    int xStart = Math.max(window.x0, tx0);
    int xEnd = Math.min(Math.min(window.x0 + window.width, tx0 + tw), d.width());
    int yStart = Math.max(window.y0, ty0);
    int yEnd = Math.min(Math.min(window.y0 + window.height, ty0 + th), d.height());
    if (xStart >= xEnd || yStart >= yEnd) {
      return;
    }
    Object[] chunky = d.planar() ? null : decoded(l, col, row, 0); // all bands of a pixel-interleaved tile at once
    float[][] floats = new float[bands.length][];
    double[][] doubles = new double[bands.length][];
    for (int i = 0; i < bands.length; i++) {
      Object samples = chunky != null ? chunky[bands[i]] : decoded(l, col, row, bands[i])[0];
      if (samples instanceof float[] f) {
        floats[i] = f;
      } else {
        doubles[i] = (double[]) samples;
      }
    }
    Object alpha = alphaBand < 0 ? null : chunky != null ? chunky[alphaBand] : decoded(l, col, row, alphaBand)[0];
    byte[] mask = l.mask() == null ? null : mask(l, col, row);
    boolean checkNodata = nodata != null;
    boolean nanNodata = checkNodata && Double.isNaN(nodata);
    double nd = checkNodata ? nodata : 0;
    for (int y = yStart; y < yEnd; y++) {
      int src = (y - ty0) * tw + (xStart - tx0);
      int dst = (y - window.y0) * window.width + (xStart - window.x0);
      for (int x = xStart; x < xEnd; x++, src++, dst++) {
        boolean valid = (mask == null || mask[src] != 0) && (alpha == null || value(alpha, src) > 0);
        for (int i = 0; i < bands.length; i++) {
          double v = floats[i] != null ? floats[i][src] : doubles[i][src];
          window.samples[i][dst] = v;
          if (checkNodata && (nanNodata ? Double.isNaN(v) : v == nd)) {
            valid = false;
          }
        }
        window.valid[dst] = valid;
      }
    }
  }

  private static double value(Object samples, int i) {
    return samples instanceof float[] f ? f[i] : ((double[]) samples)[i];
  }

  /**
   * The decoded internal tile at (col, row) — every band of a pixel-interleaved tile, or {@code band}'s plane —
   * as one {@code float[]} or {@code double[]} per band, from the cache or read and decoded.
   */
  private Object[] decoded(Level l, int col, int row, int band) {
    TiffDirectory d = l.image();
    int index = d.tileIndex(col, row, d.planar() ? band : 0);
    BlockCache.Key key = new BlockCache.Key(this, l.id() * 2, index);
    Object[] samples = (Object[]) cache.get(key);
    if (samples == null) {
      samples = TileDecoder.samples(d, fetch(d, index), order, name);
      cache.put(key, samples);
    }
    return samples;
  }

  private byte[] mask(Level l, int col, int row) {
    TiffDirectory m = l.mask();
    int index = m.tileIndex(col, row, 0);
    BlockCache.Key key = new BlockCache.Key(this, l.id() * 2 + 1, index);
    byte[] mask = (byte[]) cache.get(key);
    if (mask == null) {
      mask = TileDecoder.mask(m, fetch(m, index), name);
      cache.put(key, mask);
    }
    return mask;
  }

  private byte[] fetch(TiffDirectory d, int index) {
    long offset = d.tileOffsets()[index];
    long length = d.tileByteCounts()[index];
    if (length == 0) {
      return new byte[0]; // sparse tile: GDAL writes none where all pixels are nodata
    }
    // a compressed tile larger than its decoded size plus slack is corrupt; refusing it bounds the allocation
    if (offset < 0 || length < 0 || length > d.decodedTileBytes() * 2 + 65536) {
      throw RasterException.corrupt(name + ": an internal tile claims " + length + " bytes at " + offset);
    }
    try {
      ByteBuffer buf = ByteBuffer.allocate((int) length);
      int got = source.readRange(offset, (int) length, buf);
      if (got < length) {
        throw RasterException.corrupt(name + " is truncated: an internal tile at byte " + offset + " is cut short");
      }
      bytesRead.addAndGet(length);
      tilesRead.incrementAndGet();
      return buf.array();
    } catch (IOException e) {
      throw RasterException.io(name + " could not be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    cache.evict(this);
    try {
      source.close();
    } catch (IOException e) {
      // nothing to do: the reader is gone either way
    }
  }

  /** A window of pixels: samples per requested band, row-major, and whether each pixel holds data. */
  public static final class Window {
    final int x0;
    final int y0;
    final int width;
    final int height;
    final double[][] samples;
    final boolean[] valid;

    Window(int x0, int y0, int width, int height, int bands) {
      this.x0 = x0;
      this.y0 = y0;
      this.width = width;
      this.height = height;
      this.samples = new double[bands][width * height];
      this.valid = new boolean[width * height];
    }

    public double sample(int band, int x, int y) {
      return samples[band][(y - y0) * width + (x - x0)];
    }

    public boolean valid(int x, int y) {
      return valid[(y - y0) * width + (x - x0)];
    }
  }
}
