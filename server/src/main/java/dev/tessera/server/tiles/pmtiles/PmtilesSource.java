package dev.tessera.server.tiles.pmtiles;

import dev.tessera.engine.archive.PmtilesIds;
import dev.tessera.engine.tile.TileCoord;
import dev.tessera.server.tiles.Tile;
import dev.tessera.server.tiles.TileFormat;
import dev.tessera.server.tiles.TileSetInfo;
import dev.tessera.server.tiles.TileSource;
import io.tileverse.io.ByteRange;
import io.tileverse.pmtiles.PMTilesDirectory;
import io.tileverse.pmtiles.PMTilesEntry;
import io.tileverse.pmtiles.PMTilesHeader;
import io.tileverse.pmtiles.PMTilesReader;
import io.tileverse.rangereader.RangeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tiles of a PMTiles v3 archive, read through Tileverse: its {@link PMTilesReader} parses the header and (cached)
 * directories, and tiles are read from the {@link RangeReader} as stored, so gzipped vector tiles reach gzip-accepting
 * clients without being decompressed and compressed again. Thread-safe; kept open by {@link PmtilesSources}.
 */
final class PmtilesSource implements TileSource, AutoCloseable {
  /** Root → leaf → tile is the deepest the spec's writers produce; more means a corrupt archive. */
  private static final int MAX_DIRECTORY_DEPTH = 4;

  private final String location;
  private final boolean remote;
  private final RangeReader ranges;
  private final PMTilesReader reader;
  private final PMTilesHeader header;
  private final TileFormat format;
  private final TileSetInfo info;

  private PmtilesSource(String location, boolean remote, RangeReader ranges, PMTilesReader reader) {
    this.location = location;
    this.remote = remote;
    this.ranges = ranges;
    this.reader = reader;
    this.header = reader.getHeader();
    this.format = format(header.tileType(), location);
    byte compression = header.tileCompression();
    if (compression != PMTilesHeader.COMPRESSION_NONE
        && compression != PMTilesHeader.COMPRESSION_GZIP
        && compression != PMTilesHeader.COMPRESSION_BROTLI
        && compression != PMTilesHeader.COMPRESSION_ZSTD) {
      throw PmtilesException.unsupported(location, "unknown tile compression " + compression);
    }
    this.info =
        new TileSetInfo(
            new Envelope(header.minLon(), header.maxLon(), header.minLat(), header.maxLat()),
            header.minZoom(),
            header.maxZoom(),
            vectorLayers());
  }

  /** Opens the archive; {@code ranges} is closed with it (or now, if it is no PMTiles v3 archive). */
  static PmtilesSource open(String location, boolean remote, RangeReader ranges) {
    try {
      return new PmtilesSource(location, remote, ranges, new PMTilesReader(ranges));
    } catch (IOException | RuntimeException e) {
      try {
        ranges.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof PmtilesException known) {
        throw known;
      }
      throw PmtilesException.unreadable(location, remote, e);
    }
  }

  @Override
  public TileFormat format() {
    return format;
  }

  @Override
  public TileSetInfo info() {
    return info;
  }

  @Override
  public Tile tile(TileCoord coord) {
    if (coord.z() < header.minZoom() || coord.z() > header.maxZoom()) {
      return null;
    }
    long tileId = PmtilesIds.tileId(coord);
    try {
      Optional<ByteRange> range = locate(tileId);
      if (range.isEmpty()) {
        return null;
      }
      return switch (header.tileCompression()) {
        case PMTilesHeader.COMPRESSION_GZIP -> Tile.gzipped(read(range.get()));
        case PMTilesHeader.COMPRESSION_NONE -> Tile.raw(read(range.get()));
        // brotli, zstd: clients cannot be assumed to accept them; Tileverse decompresses
        default -> reader.getTile(tileId).map(PmtilesSource::bytes).map(Tile::raw).orElse(null);
      };
    } catch (IOException | UncheckedIOException e) {
      throw PmtilesException.unreadable(location, remote, e);
    }
  }

  /**
   * Where tile {@code tileId}'s bytes are: the last directory entry at or before it, followed into leaf directories
   * (spec §"Directories"). Tileverse parses and caches the directories; only its own lookup is not public.
   */
  private Optional<ByteRange> locate(long tileId) {
    PMTilesDirectory directory = reader.getRootDirectory();
    for (int depth = 0; depth < MAX_DIRECTORY_DEPTH; depth++) {
      int index = lastAtOrBefore(directory, tileId);
      if (index < 0) {
        return Optional.empty();
      }
      PMTilesEntry entry = directory.getEntry(index);
      if (entry.isLeaf()) {
        directory = reader.getDirectory(entry);
        continue;
      }
      return entry.contains(tileId)
          ? Optional.of(ByteRange.of(header.tileDataOffset() + entry.offset(), entry.length()))
          : Optional.empty();
    }
    throw new UncheckedIOException(new IOException("directories nested deeper than " + MAX_DIRECTORY_DEPTH));
  }

  private static int lastAtOrBefore(PMTilesDirectory directory, long tileId) {
    int low = 0;
    int high = directory.size() - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (directory.getTileId(mid) <= tileId) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  private byte[] read(ByteRange range) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(range.length());
    int read = ranges.readRange(range, buffer);
    if (read != range.length()) {
      throw new IOException("short read: " + read + " of " + range.length() + " bytes at " + range.offset());
    }
    return buffer.array();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  private JsonNode vectorLayers() {
    try {
      JsonNode layers = JsonMapper.shared().readTree(reader.getMetadataAsString()).path("vector_layers");
      return layers.isArray() ? layers : null;
    } catch (IOException | JacksonException e) {
      return null; // metadata is optional; tiles are still served
    }
  }

  private static TileFormat format(byte tileType, String location) {
    return switch (tileType) {
      case PMTilesHeader.TILETYPE_MVT -> TileFormat.MVT;
      case PMTilesHeader.TILETYPE_PNG -> TileFormat.PNG;
      case PMTilesHeader.TILETYPE_JPEG -> TileFormat.JPEG;
      case PMTilesHeader.TILETYPE_WEBP -> TileFormat.WEBP;
      default -> throw PmtilesException.unsupported(location, "tile type " + tileType + " is not served");
    };
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  @Override
  public String toString() {
    return "PmtilesSource[" + location + "]";
  }
}
