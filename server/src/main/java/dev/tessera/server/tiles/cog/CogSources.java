package dev.tessera.server.tiles.cog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.tessera.engine.raster.BlockCache;
import dev.tessera.engine.raster.Cog;
import dev.tessera.engine.raster.RasterException;
import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.outbound.OutboundPolicy;
import dev.tessera.server.tiles.TileSource;
import dev.tessera.server.tiles.TileSourceProvider;
import dev.tessera.server.tiles.pmtiles.ArchiveFiles;
import io.tileverse.rangereader.RangeReader;
import io.tileverse.rangereader.cache.CachingRangeReader;
import io.tileverse.rangereader.file.FileRangeReader;
import io.tileverse.rangereader.http.HttpRangeReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opens the COGs of geotiff layers and keeps them open: a bounded cache of open {@link Cog}s keyed by location
 * ({@code ARCHIVES_MAX_OPEN}, the least used closed on eviction), a local file keyed with its modification time and
 * size so a replaced file is reopened. Locations: {@code file:relative/path.tif} or a relative path under FILES_ROOT
 * (no escape, symbolic links included), http(s) URLs allowed by {@link OutboundPolicy}, or {@code s3://bucket/key}
 * objects ({@link S3Cogs}), the remote ones read with range requests through Tileverse's block cache. A local file's
 * path and version are looked at once per second at most ({@link #resolve}). A temporal
 * layer's location comes from its URL template and the request's time.
 * Decoded internal tiles of every COG share one {@link BlockCache} ({@code COG_CACHE_BYTES}). Thread-safe.
 */
@Component
public class CogSources implements TileSourceProvider {
  private static final int HTTP_BLOCK_BYTES = 64 * 1024;
  /** How long a local file's resolved path and version are trusted before the file is looked at again. */
  static final Duration LOCAL_FILE_RECHECK = Duration.ofSeconds(1);

  private final Path filesRoot;
  private final OutboundPolicy outbound;
  private final Duration httpTimeout;
  private final BlockCache blocks;
  private final S3Cogs s3;
  private final Cache<String, Cog> open;
  private final Cache<String, LocalFile> localFiles;

  CogSources(TesseraProperties properties, OutboundPolicy outbound) {
    this.filesRoot = properties.filesRoot();
    this.outbound = outbound;
    this.httpTimeout = Duration.ofSeconds(properties.archives().httpTimeoutSeconds());
    this.blocks = new BlockCache(properties.cogs().blockCacheBytes());
    this.s3 = new S3Cogs(properties.cogs().s3Endpoint(), HTTP_BLOCK_BYTES);
    this.open = Caffeine.newBuilder()
        .maximumSize(properties.archives().maxOpen())
        .removalListener((String key, Cog cog, RemovalCause cause) -> {
          if (cog != null) {
            cog.close();
          }
        })
        .build();
    this.localFiles = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(LOCAL_FILE_RECHECK).build();
  }

  @Override
  public SourceType sourceType() {
    return SourceType.GEOTIFF;
  }

  @Override
  public TileSource source(Layer layer) {
    return new CogTileSource(layer, this);
  }

  /** The COG a request for {@code layer} at {@code time} (null: none given) reads. */
  Opened open(Layer layer, String time) {
    return open(resolve(layer, time));
  }

  /**
   * Where a request for {@code layer} at {@code time} reads and which version of it: for a local file its path,
   * modification time and size, looked at no more than once per {@link #LOCAL_FILE_RECHECK} (so a cached tile costs
   * no file system call, and a replaced file is noticed within that time); a remote COG is taken as unchanging, as
   * its open reader is. A missing local file answers 404 at once, every time.
   */
  Resolved resolve(Layer layer, String time) {
    String location = location(layer.sourceConfig(), time);
    if (isRemote(location)) {
      return new Resolved(location, location, null);
    }
    LocalFile file = localFiles.get(location, l -> {
      Path path = localFile(l);
      return new LocalFile(path, path + "@" + modified(path, l));
    });
    return new Resolved(location, file.version(), file.path());
  }

  /** A COG's location, its version (what tile cache keys name), and for a local file its path under FILES_ROOT. */
  record Resolved(String location, String version, Path path) {}

  private record LocalFile(Path path, String version) {}

  /** The open COG {@code resolved} names. */
  Opened open(Resolved resolved) {
    return new Opened(resolved.location(), openCog(resolved), isRemote(resolved.location()));
  }

  /** An open COG and the location it was resolved to (for cache keys and messages). */
  record Opened(String location, Cog cog, boolean remote) {
    RuntimeException problem(RasterException e) {
      return CogException.of(e, location, remote);
    }
  }

  static String location(ObjectNode config, String time) {
    String template = config.path("cogUrlTemplate").asString(null);
    if (template != null) {
      TemporalTemplate temporal = TemporalTemplate.of(template, config.path("temporal"));
      LocalDate t = temporal.resolve(time);
      return temporal.fill(t);
    }
    String url = config.path("cogUrl").asString(null);
    return url != null ? url : config.path("url").asString("");
  }

  static boolean isRemote(String location) {
    return location.contains("://");
  }

  private Cog openCog(Resolved resolved) {
    String location = resolved.location();
    String lower = location.toLowerCase(Locale.ROOT);
    try {
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        URI uri = URI.create(location);
        outbound.check(uri); // on every request: the answer may change with DNS
        return open.get(location, k -> Cog.open(http(uri), location, blocks));
      }
      if (lower.startsWith("s3://")) {
        return open.get(location, k -> Cog.open(s3.reader(location), location, blocks));
      }
      return open.get(resolved.version(), k -> Cog.open(file(resolved.path(), location), location, blocks));
    } catch (RasterException e) {
      if (e.getCause() instanceof IOException io && notFound(io)) {
        throw CogException.notFound(location);
      }
      throw CogException.of(e, location, isRemote(location));
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      if (e instanceof software.amazon.awssdk.services.s3.model.S3Exception s3e && s3e.statusCode() == 404) {
        throw CogException.notFound(location);
      }
      throw CogException.of(RasterException.io(location + " could not be read: " + e.getMessage(), e), location, true);
    } catch (java.io.UncheckedIOException e) { // Tileverse's header buffer reads at build time
      if (notFound(e.getCause())) {
        throw CogException.notFound(location);
      }
      throw CogException.of(RasterException.io(location + " could not be read: " + e.getCause().getMessage(),
          e.getCause()), location, true);
    }
  }

  /** The file a local location ({@code file:relative/path} or a bare relative path) names under FILES_ROOT. */
  Path localFile(String location) {
    String relative = location.toLowerCase(Locale.ROOT).startsWith("file:") ? location.substring(5) : location;
    return ArchiveFiles.resolve(filesRoot, relative, r -> CogException.notFound(location));
  }

  private RangeReader http(URI uri) {
    RangeReader http = HttpRangeReader.builder(uri).connectionTimeout(httpTimeout).build();
    return CachingRangeReader.builder(http).blockSize(HTTP_BLOCK_BYTES).withHeaderBuffer().build();
  }

  private static RangeReader file(Path path, String location) {
    try {
      return FileRangeReader.of(path);
    } catch (IOException e) {
      throw CogException.notFound(location);
    }
  }

  private static boolean notFound(IOException e) {
    String message = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
    return !(e instanceof HttpTimeoutException) && (message.contains("404") || message.contains("Not Found"));
  }

  private static String modified(Path path, String location) {
    try {
      return Files.getLastModifiedTime(path).toMillis() + "/" + Files.size(path);
    } catch (IOException e) {
      throw CogException.notFound(location);
    }
  }

  /** Tile parameters of the layer ({@code source_config.tileParams}), or null. */
  static JsonNode tileParams(Layer layer) {
    JsonNode params = layer.sourceConfig().get("tileParams");
    return params == null || params.isNull() ? null : params;
  }
}
