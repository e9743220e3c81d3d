package dev.tessera.engine.archive;

import dev.tessera.engine.tile.TileCoord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): 127-byte header, root
 * directory, JSON metadata, leaf directories, tile data. Directories and metadata are gzipped; tiles are stored as
 * given, in the declared {@link TileCompression}. Tiles may be added in any order: they go to a scratch file beside
 * the output and are copied in tile-id order on {@link #finish}, so the archive is clustered.
 *
 * <p>Written from the spec because the Tileverse library (1.3.3) keeps its writer package-private; its public reader
 * opens these archives in the tests, as does the reference {@code pmtiles} npm package.
 *
 * <p>Not thread-safe: one writer per export.
 */
public final class PmtilesWriter implements AutoCloseable {
  static final int HEADER_BYTES = 127;
  /** Header and root directory must fit in the first 16 KiB, so a reader gets both with one request. */
  static final int FIRST_FETCH_BYTES = 16_384;

  /** The tile_type byte. */
  public enum TileType {
    MVT(1),
    PNG(2),
    JPEG(3),
    WEBP(4);

    final int code;

    TileType(int code) {
      this.code = code;
    }
  }

  /** The tile_compression byte: how the bytes given to {@link #addTile} are compressed. */
  public enum TileCompression {
    NONE(1),
    GZIP(2);

    final int code;

    TileCompression(int code) {
      this.code = code;
    }
  }

  /**
   * What goes in the header besides the layout.
   *
   * @param bounds lon/lat bounds of the data
   * @param centerZoom zoom at which a viewer should open the archive
   */
  public record Options(
      TileType tileType, TileCompression tileCompression, int minZoom, int maxZoom, Envelope bounds, int centerZoom) {
    public Options {
      if (minZoom < 0 || maxZoom < minZoom || maxZoom > TileCoord.MAX_ZOOM) {
        throw new IllegalArgumentException("zoom range " + minZoom + ".." + maxZoom + " is invalid");
      }
      if (bounds == null || bounds.isNull()) {
        throw new IllegalArgumentException("bounds are required");
      }
    }
  }

  private record Entry(long tileId, long offset, int length, int runLength) {}

  private final Path output;
  private final Path scratch;
  private final FileChannel data;
  private final Options options;
  private final List<Entry> entries = new ArrayList<>();
  private long dataBytes;
  private boolean finished;

  private PmtilesWriter(Path output, Options options) throws IOException {
    this.output = output;
    this.options = options;
    Path dir = output.toAbsolutePath().getParent();
    this.scratch = Files.createTempFile(dir, output.getFileName().toString(), ".tiles");
    this.data = FileChannel.open(scratch, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /** A writer of {@code output} (replaced on {@link #finish}). */
  public static PmtilesWriter create(Path output, Options options) throws IOException {
    return new PmtilesWriter(output, options);
  }

  /** Adds one tile; {@code bytes} are already compressed as {@link Options#tileCompression} says. */
  public void addTile(TileCoord coord, byte[] bytes) throws IOException {
    if (finished) {
      throw new IllegalStateException("writer is finished");
    }
    if (coord.z() < options.minZoom() || coord.z() > options.maxZoom()) {
      throw new IllegalArgumentException(coord + " is outside zoom " + options.minZoom() + ".." + options.maxZoom());
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      data.write(buffer);
    }
    entries.add(new Entry(PmtilesIds.tileId(coord), dataBytes, bytes.length, 1));
    dataBytes += bytes.length;
  }

  /** Number of tiles added so far. */
  public int tileCount() {
    return entries.size();
  }

  /** Writes the archive with {@code metadataJson} (a JSON object) as its metadata, and removes the scratch file. */
  public void finish(String metadataJson) throws IOException {
    finished = true;
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::tileId));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).tileId() == sorted.get(i - 1).tileId()) {
        throw new IllegalStateException("tile id " + sorted.get(i).tileId() + " was added twice");
      }
    }
    List<Entry> clustered = new ArrayList<>(sorted.size());
    long offset = 0;
    for (Entry e : sorted) {
      clustered.add(new Entry(e.tileId(), offset, e.length(), 1));
      offset += e.length();
    }
    Directories dirs = directories(clustered);
    byte[] metadata = gzip(metadataJson.getBytes(StandardCharsets.UTF_8));

    long rootOffset = HEADER_BYTES;
    long metadataOffset = rootOffset + dirs.root().length;
    long leavesOffset = metadataOffset + metadata.length;
    long tilesOffset = leavesOffset + dirs.leaves().length;
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    header.put("PMTiles".getBytes(StandardCharsets.US_ASCII)).put((byte) 3);
    header.putLong(rootOffset).putLong(dirs.root().length);
    header.putLong(metadataOffset).putLong(metadata.length);
    header.putLong(leavesOffset).putLong(dirs.leaves().length);
    header.putLong(tilesOffset).putLong(dataBytes);
    header.putLong(clustered.size()).putLong(clustered.size()).putLong(clustered.size());
    header.put((byte) 1); // clustered
    header.put((byte) TileCompression.GZIP.code); // internal compression
    header.put((byte) options.tileCompression().code).put((byte) options.tileType().code);
    header.put((byte) options.minZoom()).put((byte) options.maxZoom());
    Envelope b = options.bounds();
    header.putInt(e7(b.getMinX())).putInt(e7(b.getMinY())).putInt(e7(b.getMaxX())).putInt(e7(b.getMaxY()));
    header.put((byte) Math.clamp(options.centerZoom(), options.minZoom(), options.maxZoom()));
    header.putInt(e7((b.getMinX() + b.getMaxX()) / 2)).putInt(e7((b.getMinY() + b.getMaxY()) / 2));
    header.flip();

    try (FileChannel out =
        FileChannel.open(
            output, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      writeFully(out, header);
      writeFully(out, ByteBuffer.wrap(dirs.root()));
      writeFully(out, ByteBuffer.wrap(metadata));
      writeFully(out, ByteBuffer.wrap(dirs.leaves()));
      for (Entry e : sorted) {
        long done = 0;
        while (done < e.length()) {
          done += data.transferTo(e.offset() + done, e.length() - done, out);
        }
      }
    } finally {
      close();
    }
  }

  /** Discards the scratch file; after {@link #finish} it is already gone. */
  @Override
  public void close() throws IOException {
    finished = true;
    data.close();
    Files.deleteIfExists(scratch);
  }

  private record Directories(byte[] root, byte[] leaves) {}

  /**
   * The root directory alone if it fits the first fetch; otherwise leaves of {@code leafSize} entries, doubled until
   * the root of leaf pointers fits (as the reference writer does).
   */
  private static Directories directories(List<Entry> entries) {
    byte[] root = gzip(serialize(entries));
    if (root.length <= FIRST_FETCH_BYTES - HEADER_BYTES) {
      return new Directories(root, new byte[0]);
    }
    for (int leafSize = 4096; ; leafSize *= 2) {
      var leaves = new ByteArrayOutputStream();
      List<Entry> pointers = new ArrayList<>();
      for (int start = 0; start < entries.size(); start += leafSize) {
        List<Entry> chunk = entries.subList(start, Math.min(entries.size(), start + leafSize));
        byte[] leaf = gzip(serialize(chunk));
        pointers.add(new Entry(chunk.get(0).tileId(), leaves.size(), leaf.length, 0));
        leaves.writeBytes(leaf);
      }
      root = gzip(serialize(pointers));
      if (root.length <= FIRST_FETCH_BYTES - HEADER_BYTES) {
        return new Directories(root, leaves.toByteArray());
      }
    }
  }

  /** Spec §"Directories": count, then tile-id deltas, run lengths, lengths, offsets (0 = right after the previous). */
  static byte[] serialize(List<Entry> entries) {
    var out = new ByteArrayOutputStream(entries.size() * 6 + 8);
    varint(out, entries.size());
    long last = 0;
    for (Entry e : entries) {
      varint(out, e.tileId() - last);
      last = e.tileId();
    }
    for (Entry e : entries) {
      varint(out, e.runLength());
    }
    for (Entry e : entries) {
      varint(out, e.length());
    }
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Entry previous = i == 0 ? null : entries.get(i - 1);
      boolean contiguous = previous != null && e.offset() == previous.offset() + previous.length();
      varint(out, contiguous ? 0 : e.offset() + 1);
    }
    return out.toByteArray();
  }

  private static void varint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  private static int e7(double degrees) {
    return (int) Math.round(degrees * 10_000_000);
  }

  private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  /** Gzip as the spec's compression 2. */
  public static byte[] gzip(byte[] raw) {
    var out = new ByteArrayOutputStream(raw.length / 3 + 64);
    try (OutputStream gzip = new GZIPOutputStream(out, 8192)) {
      gzip.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "PmtilesWriter[" + output + ", " + entries.size() + " tiles]";
  }
}
