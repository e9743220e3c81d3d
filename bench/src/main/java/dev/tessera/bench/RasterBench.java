package dev.tessera.bench;

import dev.tessera.engine.raster.BlockCache;
import dev.tessera.engine.raster.Cog;
import dev.tessera.engine.raster.Colormap;
import dev.tessera.engine.raster.ImageFormat;
import dev.tessera.engine.raster.RasterRenderer;
import dev.tessera.engine.raster.RenderOptions;
import dev.tessera.engine.raster.Resampling;
import dev.tessera.engine.tile.TileCoord;
import io.tileverse.rangereader.file.FileRangeReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raster tile benchmark: Tessera's geotiff tile endpoint against a rasterio endpoint doing what TiTiler's
 * {@code /cog/tiles} does ({@code bench/raster/rio_tiles.py}, uvicorn with 2 workers), on the two COGs of
 * {@code bench/raster/make-cogs.sh} and the committed tile list ({@link RasterTileList}), in one run on one machine.
 *
 * <ol>
 *   <li>Bytes read per tile, in process: each listed tile rendered by the engine with no block cache, counting the
 *       internal tiles and bytes the COG reader fetched.
 *   <li>Tessera once more with no block cache either ({@code COG_CACHE_BYTES=0}): one pass to warm the JIT, then one
 *       client over the list, each tile once: the latency of a tile nothing has cached.
 *   <li>Tessera ({@code CACHE_SIZE=0}: no tile cache) and the peer, each freshly started: a first pass over the list
 *       (each tile once, 1 client: cold), then a timed run of {@link #RUN} with {@link #THREADS} clients cycling over
 *       the list in a fixed shuffled order (GDAL's and Tessera's block caches warm, tile caches off on both).
 * </ol>
 *
 * Same parameters on both: sst rescale=0,30 colormap viridis; rgb as is; nearest; 256 px PNG. Prints a table and
 * appends a dated section to docs/benchmarks.md. Run with {@code bench/raster.sh}.
 */
public final class RasterBench {
  static final String TOKEN = FoundationBench.TOKEN;
  static final int THREADS = 4;
  static final Duration RUN = Duration.ofSeconds(20);
  static final Map<String, String> PARAMS = Map.of("sst", "rescale=0,30&colormap_name=viridis", "rgb", "");
  static final Map<String, String> FILES = Map.of("sst", "sst-16384-f32-4326.tif", "rgb", "rgb-8192-utm.tif");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final Path root = Path.of("").toAbsolutePath();
  private final Path jar = root.resolve("server/target/tessera-server-0.1.0-SNAPSHOT.jar");
  private final Path work = root.resolve("bench/target/rasterbench");
  private final Path cogs = root.resolve("bench/target/raster");
  private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private List<String> tiles;
  private List<String> order;

  /** One load run: tiles fetched, wall time, sorted latencies (ms), bytes of PNG, CPU seconds the server used. */
  record Run(long tiles, double seconds, double[] latenciesMs, long bytes, double cpuSeconds) {
    double rate() {
      return tiles / seconds;
    }

    /** Server CPU time per tile: what a loaded, shared machine disturbs least. */
    double cpuMsPerTile() {
      return cpuSeconds * 1000 / tiles;
    }

    double p(double q) {
      return TileBench.pct(latenciesMs, q);
    }
  }

  @FunctionalInterface
  interface Fetch {
    /** Fetches "dataset z/x/y"; returns the body size (0 for 204). */
    int fetch(String tile) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    new RasterBench().run();
  }

  private void run() throws Exception {
    Files.createDirectories(work.resolve("logs"));
    tiles = RasterTileList.load();
    order = new ArrayList<>(tiles);
    Collections.shuffle(order, new Random(42));
    List<String> md = new ArrayList<>();

    // 1. bytes read per output tile
    String bytesTable = bytesPerTile();
    System.out.println(bytesTable);

    // 2. Tessera
    Map<String, String> layers = new LinkedHashMap<>();
    Path data = Files.createTempDirectory("tessera-rasterbench-");
    var server = BenchProcesses.startServer("tessera", List.of(javaBin, "-jar", jar.toString()),
        // COG_CACHE_BYTES 1 GiB: about GDAL's default block cache here (GDAL_CACHEMAX = 5% of 24 GiB)
        Map.of("DATA_DIR", data.toString(), "FILES_ROOT", cogs.toString(), "CACHE_SIZE", "0", "DEMO_CONTENT", "false",
            "COG_CACHE_BYTES", Long.toString(1L << 30)),
        TOKEN, work.resolve("logs/tessera.log"));
    Run tesseraCold;
    Run tesseraWarm;
    try {
      for (String name : FILES.keySet()) {
        layers.put(name, createLayer(server.port(), name));
      }
      Fetch fetch = tile -> get(server.uri("/api/layers/" + layers.get(tile.split(" ")[0]) + "/tiles/"
          + tile.split(" ")[1] + ".png" + query(tile)));
      tesseraCold = load(fetch, 1, Duration.ofMinutes(10), tiles, tiles.size(), server.process());
      tesseraWarm = load(fetch, THREADS, RUN, order, Long.MAX_VALUE, server.process());
    } finally {
      BenchProcesses.stop(server.process());
    }

    // 2b. Tessera with no cache at all (no tile cache, no block cache): JIT warmed by one pass, then one client
    Path bare = Files.createTempDirectory("tessera-rasterbench-");
    var uncachedServer = BenchProcesses.startServer("tessera-uncached", List.of(javaBin, "-jar", jar.toString()),
        Map.of("DATA_DIR", bare.toString(), "FILES_ROOT", cogs.toString(), "CACHE_SIZE", "0", "DEMO_CONTENT", "false",
            "COG_CACHE_BYTES", "0"),
        TOKEN, work.resolve("logs/tessera-uncached.log"));
    Run tesseraUncached;
    try {
      Map<String, String> ids = new LinkedHashMap<>();
      for (String name : FILES.keySet()) {
        ids.put(name, createLayer(uncachedServer.port(), name));
      }
      Fetch fetch = tile -> get(uncachedServer.uri("/api/layers/" + ids.get(tile.split(" ")[0]) + "/tiles/"
          + tile.split(" ")[1] + ".png" + query(tile)));
      load(fetch, 1, Duration.ofMinutes(10), tiles, tiles.size(), uncachedServer.process()); // JIT warm-up
      tesseraUncached = load(fetch, 1, Duration.ofMinutes(10), order, order.size(), uncachedServer.process());
    } finally {
      BenchProcesses.stop(uncachedServer.process());
    }

    // 3. rasterio peer
    int peerPort = BenchProcesses.freePort();
    Process peer = BenchProcesses.track(new ProcessBuilder("/usr/bin/python3", "-m", "uvicorn", "--app-dir",
        "bench/raster", "rio_tiles:app", "--port", Integer.toString(peerPort), "--workers", "2", "--log-level",
        "warning").redirectErrorStream(true).redirectOutput(work.resolve("logs/rio.log").toFile()).start());
    Run rioCold;
    Run rioWarm;
    try {
      BenchProcesses.awaitOk(peer, URI.create("http://127.0.0.1:" + peerPort + "/docs"), Duration.ofMinutes(1), "peer",
          work.resolve("logs/rio.log"));
      Fetch fetch = tile -> get(URI.create("http://127.0.0.1:" + peerPort + "/cog/tiles/" + tile.split(" ")[1]
          + ".png?url=" + cogs.resolve(FILES.get(tile.split(" ")[0])) + "&" + PARAMS.get(tile.split(" ")[0])));
      rioCold = load(fetch, 1, Duration.ofMinutes(10), tiles, tiles.size(), peer);
      rioWarm = load(fetch, THREADS, RUN, order, Long.MAX_VALUE, peer);
    } finally {
      BenchProcesses.stop(peer);
    }

    md.add("");
    md.add("## Raster tile benchmark, " + LocalDate.now(ZoneOffset.UTC));
    md.add("");
    md.add("`bench/raster.sh` (COGs by `bench/raster/make-cogs.sh`: sst 16384² float32 DEFLATE EPSG:4326, 512 px "
        + "blocks, overviews; rgb 8192² RGB JPEG UTM 32N; " + tiles.size() + " tiles of "
        + "`bench/src/main/resources/raster-tiles.txt`, z3–z16, edges included). Peer: `bench/raster/rio_tiles.py` "
        + "(rasterio WarpedVRT over the tile at the COG's resolution, decimated read as rio-tiler does → rescale → "
        + "colormap → GDAL PNG), uvicorn 2 workers. Tessera: `CACHE_SIZE=0` (no tile cache), `COG_CACHE_BYTES` 1 GiB "
        + "(≈ GDAL's default block cache on this machine). Both: nearest, 256 px PNG, sst `rescale=0,30&colormap_name=viridis`. Warm: "
        + THREADS + " client threads for " + RUN.toSeconds() + " s over the list in a fixed shuffled order, block caches "
        + "warm on both sides; cold: first pass, one client, each tile once. 2-core machine shared with other "
        + "builds: absolute numbers are noisy, the ratio measured in one run is the result.");
    md.add("");
    md.add("| run | Tessera tiles/s | rasterio tiles/s | ratio | Tessera p50 / p95 ms | rasterio p50 / p95 ms | server "
        + "CPU ms per tile, Tessera / rasterio (ratio) |");
    md.add("|---|---|---|---|---|---|---|");
    md.add(row("cold (1 client, each tile once)", tesseraCold, rioCold));
    md.add(row("warm (" + THREADS + " clients, " + RUN.toSeconds() + " s)", tesseraWarm, rioWarm));
    md.add(String.format(Locale.ROOT, "| Tessera without tile or block cache (`COG_CACHE_BYTES=0`), JIT warmed by one pass, "
        + "1 client, each tile once | %.1f | — | — | %.1f / %.1f | — | %.1f / — |", tesseraUncached.rate(),
        tesseraUncached.p(0.5), tesseraUncached.p(0.95), tesseraUncached.cpuMsPerTile()));
    md.add("");
    md.add(bytesTable);
    md.add("");
    md.add(String.format(Locale.ROOT, "Server CPU per tile, rasterio / Tessera: %.2f× cold, %.2f× warm (the "
            + "throughput ratio a machine with free cores would show).", rioCold.cpuMsPerTile()
            / tesseraCold.cpuMsPerTile(), rioWarm.cpuMsPerTile() / tesseraWarm.cpuMsPerTile()));
    md.add("");
    md.add(String.format(Locale.ROOT, "Targets: ≥ 2× rasterio throughput: %s (%.2f× warm, %.2f× cold); p95 ≤ 30 ms per "
            + "uncached tile: %s (p95 %.1f ms with no tile or block cache, one client, JIT warm; %.1f ms in the cold "
            + "first pass).",
        tesseraWarm.rate() >= 2 * rioWarm.rate() ? "met" : "NOT met", tesseraWarm.rate() / rioWarm.rate(),
        tesseraCold.rate() / rioCold.rate(), tesseraUncached.p(0.95) <= 30 ? "met" : "NOT met",
        tesseraUncached.p(0.95), tesseraCold.p(0.95)));
    md.forEach(System.out::println);
    Files.write(root.resolve("docs/benchmarks.md"), md, StandardOpenOption.APPEND);
  }

  /** Renders every listed tile in process with no block cache; the COG reader counts what it fetched. */
  private String bytesPerTile() throws Exception {
    Map<String, List<long[]>> perDataset = new LinkedHashMap<>();
    for (String name : FILES.keySet()) {
      RenderOptions options = name.equals("sst")
          ? new RenderOptions(null, null, new double[][] {{0, 30}}, Colormap.named("viridis"), null, true,
              Resampling.NEAREST, ImageFormat.PNG, 256)
          : RenderOptions.defaults();
      List<long[]> rows = new ArrayList<>();
      for (String line : tiles) {
        if (!line.startsWith(name + " ")) {
          continue;
        }
        String[] zxy = line.split(" ")[1].split("/");
        // a fresh reader and block cache per output tile: what one tile costs with nothing cached
        try (Cog cog = Cog.open(FileRangeReader.of(cogs.resolve(FILES.get(name))), name, new BlockCache(1L << 30))) {
          RasterRenderer.tile(cog, TileCoord.of(Integer.parseInt(zxy[0]), Integer.parseInt(zxy[1]),
              Integer.parseInt(zxy[2])), options);
          rows.add(new long[] {Integer.parseInt(zxy[0]), cog.tilesRead(), cog.bytesRead()});
        }
      }
      perDataset.put(name, rows);
    }
    StringBuilder s = new StringBuilder("Bytes read per output tile (engine in process, a fresh reader per tile, "
        + "directories not counted; internal tiles are 512 px):\n\n| COG | tiles | internal tiles per output tile: median / p95 / max | ≤ 2 internal "
        + "tiles | KiB read: median / p95 / max |\n|---|---|---|---|---|\n");
    for (var e : perDataset.entrySet()) {
      List<long[]> rows = e.getValue().stream().filter(r -> r[1] > 0).toList();
      double[] internal = rows.stream().mapToDouble(r -> r[1]).sorted().toArray();
      double[] kib = rows.stream().mapToDouble(r -> r[2] / 1024.0).sorted().toArray();
      long within = rows.stream().filter(r -> r[1] <= 2).count();
      s.append(String.format(Locale.ROOT, "| %s | %d with data | %.0f / %.0f / %.0f | %d of %d (%.0f%%) | %.0f / %.0f "
              + "/ %.0f |%n", e.getKey(), rows.size(), TileBench.pct(internal, 0.5), TileBench.pct(internal, 0.95),
          internal.length == 0 ? 0 : internal[internal.length - 1], within, rows.size(),
          100.0 * within / Math.max(1, rows.size()), TileBench.pct(kib, 0.5), TileBench.pct(kib, 0.95),
          kib.length == 0 ? 0 : kib[kib.length - 1]));
    }
    return s.toString();
  }

  private static String row(String label, Run tessera, Run rio) {
    return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f× | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f (%.2f×) |",
        label, tessera.rate(), rio.rate(), tessera.rate() / rio.rate(), tessera.p(0.5), tessera.p(0.95), rio.p(0.5),
        rio.p(0.95), tessera.cpuMsPerTile(), rio.cpuMsPerTile(), rio.cpuMsPerTile() / tessera.cpuMsPerTile());
  }

  private static String query(String tile) {
    String params = PARAMS.get(tile.split(" ")[0]);
    return params.isEmpty() ? "" : "?" + params;
  }

  private int get(URI uri) throws Exception {
    var res = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + TOKEN).build(), BodyHandlers.ofByteArray());
    if (res.statusCode() != 200 && res.statusCode() != 204) {
      throw new IllegalStateException(uri + ": HTTP " + res.statusCode() + " " + new String(res.body()));
    }
    return res.body().length;
  }

  private String createLayer(int port, String name) throws Exception {
    String body = "{\"name\":\"" + name + "\",\"source_type\":\"geotiff\",\"source_config\":{\"url\":\"file:"
        + FILES.get(name) + "\"}}";
    var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/layers"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    if (res.statusCode() != 201) {
      throw new IllegalStateException("create layer: HTTP " + res.statusCode() + " " + res.body());
    }
    Matcher m = ID.matcher(res.body());
    if (!m.find()) {
      throw new IllegalStateException("no id in " + res.body());
    }
    return m.group(1);
  }

  /** {@code threads} clients take tiles from {@code list} (cycling) until {@code duration} or {@code max} tiles. */
  private Run load(Fetch fetch, int threads, Duration duration, List<String> list, long max, Process server)
      throws Exception {
    double cpu0 = cpuSeconds(server);
    AtomicLong next = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    List<List<Double>> latencies = new ArrayList<>();
    Exception[] failure = new Exception[1];
    long t0 = System.nanoTime();
    long deadline = t0 + duration.toNanos();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Double> mine = new ArrayList<>();
      latencies.add(mine);
      running.add(Thread.ofPlatform().start(() -> {
        try {
          while (System.nanoTime() < deadline) {
            long i = next.getAndIncrement();
            if (i >= max) {
              break;
            }
            long s = System.nanoTime();
            bytes.addAndGet(fetch.fetch(list.get((int) (i % list.size()))));
            mine.add((System.nanoTime() - s) / 1e6);
          }
        } catch (Exception e) {
          failure[0] = e;
        }
      }));
    }
    for (Thread t : running) {
      t.join();
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = cpuSeconds(server) - cpu0;
    double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(Locale.ROOT, "%d tiles in %.1f s: %.1f/s, p50 %.1f ms, p95 %.1f ms, server CPU %.1f ms/tile%n",
        all.length, seconds, all.length / seconds, TileBench.pct(all, 0.5), TileBench.pct(all, 0.95),
        cpu * 1000 / all.length);
    return new Run(all.length, seconds, all, bytes.get(), cpu);
  }

  /** User + system CPU seconds of a process and its descendants (uvicorn's workers), from /proc/PID/stat. */
  static double cpuSeconds(Process process) {
    double ticks = 0;
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    process.toHandle().descendants().forEach(all::add);
    for (ProcessHandle h : all) {
      try {
        String stat = Files.readString(Path.of("/proc/" + h.pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
      } catch (java.io.IOException | RuntimeException gone) {
        // a process that ended: its time is lost, as it would be for either side
      }
    }
    return ticks / 100.0; // USER_HZ is 100 on Linux
  }
}
