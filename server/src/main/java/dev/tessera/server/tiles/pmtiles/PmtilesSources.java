package dev.tessera.server.tiles.pmtiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.outbound.OutboundPolicy;
import dev.tessera.server.tiles.TileSource;
import dev.tessera.server.tiles.TileSourceProvider;
import dev.tessera.server.tiles.mbtiles.MbtilesSource;
import io.tileverse.rangereader.RangeReader;
import io.tileverse.rangereader.cache.CachingRangeReader;
import io.tileverse.rangereader.file.FileRangeReader;
import io.tileverse.rangereader.http.HttpRangeReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The archives of pmtiles layers ({@code {"file": "…"}} under FILES_ROOT, or {@code {"url": "https://…"}}), opened
 * once and kept open: a bounded cache of open readers keyed by location ({@code ARCHIVES_MAX_OPEN}; the least used is
 * closed on eviction). A local file is keyed with its modification time and size, so a replaced file is reopened.
 * Remote archives are read with HTTP range requests through Tileverse's block cache (64 KiB blocks, shared, bounded
 * by Tileverse to a fifth of the heap, entries idle for a minute dropped), after {@link OutboundPolicy} allowed the
 * host; redirects are not followed. {@code .mbtiles} files are served by {@link MbtilesSource}. Thread-safe.
 */
@Component
class PmtilesSources implements TileSourceProvider {
  private static final Logger log = LoggerFactory.getLogger(PmtilesSources.class);
  private static final int BLOCK_BYTES = 64 * 1024;

  private final Path filesRoot;
  private final OutboundPolicy outbound;
  private final Duration httpTimeout;
  private final Cache<String, TileSource> open;

  PmtilesSources(TesseraProperties properties, OutboundPolicy outbound) {
    this.filesRoot = properties.filesRoot();
    this.outbound = outbound;
    this.httpTimeout = Duration.ofSeconds(properties.archives().httpTimeoutSeconds());
    this.open =
        Caffeine.newBuilder()
            .maximumSize(properties.archives().maxOpen())
            .removalListener((String key, TileSource source, RemovalCause cause) -> close(key, source))
            .build();
  }

  @Override
  public SourceType sourceType() {
    return SourceType.PMTILES;
  }

  @Override
  public TileSource source(Layer layer) {
    ObjectNode config = layer.sourceConfig();
    String file = config.path("file").asString(null);
    if (file != null) {
      Path path = ArchiveFiles.resolve(filesRoot, file);
      String key = path + "@" + modified(path, file);
      return open.get(key, k -> openFile(file, path));
    }
    String url = config.path("url").asString("");
    URI uri = URI.create(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw PmtilesException.unsupported(url, "only files under FILES_ROOT and http(s) URLs are served so far");
    }
    outbound.check(uri); // on every request: the answer may change with DNS; the JVM caches lookups for 30 s
    return open.get(url, k -> openUrl(url, uri));
  }

  private static TileSource openFile(String location, Path path) {
    if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mbtiles")) {
      return MbtilesSource.open(location, path);
    }
    RangeReader ranges;
    try {
      ranges = FileRangeReader.of(path);
    } catch (IOException e) {
      throw PmtilesException.unreadable(location, false, e);
    }
    return PmtilesSource.open(location, false, ranges);
  }

  private TileSource openUrl(String location, URI uri) {
    // a client per archive, closed with it; Java's HttpClient follows no redirects unless told to
    RangeReader http = HttpRangeReader.builder(uri).connectionTimeout(httpTimeout).build();
    RangeReader cached = CachingRangeReader.builder(http).blockSize(BLOCK_BYTES).withHeaderBuffer().build();
    return PmtilesSource.open(location, true, cached);
  }

  private static String modified(Path path, String location) {
    try {
      return Files.getLastModifiedTime(path).toMillis() + "/" + Files.size(path);
    } catch (IOException e) {
      throw PmtilesException.notFound(location);
    }
  }

  private static void close(String key, TileSource source) {
    if (source instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        log.warn("Closing archive {} failed", key, e);
      }
    }
  }
}
