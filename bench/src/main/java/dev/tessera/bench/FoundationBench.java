package dev.tessera.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Foundation benchmark: end-to-end numbers for the three things the first milestone promises, measured against the real
 * server jar over HTTP so that start-up, Spring, the store and JSON (de)serialisation are all in the measurement.
 *
 * <ol>
 *   <li>Start-up time until {@code GET /ready} answers 200 on the embedded store: a first start on an empty
 *       {@code DATA_DIR} (migrations, demo content) and a second start on the same directory (target ≤ 5 s).
 *   <li>Bulk GeoJSON import rate ({@code POST /api/layers/{id}/import}) of the Natural Earth seas cut into simple
 *       polygons of ≤ 256 vertices, twice per store (cold, then warm); target ≥ 20K features/s on PostGIS.
 *   <li>Latency of {@code GET /api/layers/{id}/features?bbox=…&limit=100} on a layer of 100,000 generated squares:
 *       2,000 sequential requests after 200 warm-up requests, p50/p95/p99/max.
 * </ol>
 *
 * Runs on the embedded store and on PostgreSQL+PostGIS (database {@code tessera_bench} on 127.0.0.1:5432, recreated
 * with psql). Prints a table and appends a dated section to docs/benchmarks.md. Run it with {@code bench/foundation.sh}
 * from the repository root.
 */
public final class FoundationBench {
  static final String TOKEN = "tsr_bench-admin-token-0123456789";
  static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/tessera_bench?user=postgres";
  static final int GRID_FEATURES = 100_000;
  static final int WARMUP = 200;
  static final int REQUESTS = 2_000;

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern RETURNED = Pattern.compile("\"number_returned\"\\s*:\\s*(\\d+)");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Path root = Path.of("").toAbsolutePath();
  /** Started the way {@code ./tessera run} starts it: the extracted jar, with the AOT cache when there is one. */
  private final Path jar = root.resolve("server/target/run/tessera-server-0.1.0-SNAPSHOT.jar");
  private final Path aotCache = root.resolve("server/target/run/app.aot");
  private final Path work = root.resolve("bench/target");
  private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  /** Result rows: metric → (store → value). */
  private final Map<String, Map<String, String>> table = new LinkedHashMap<>();

  private BenchProcesses.Server server;
  private int port;

  public static void main(String[] args) throws Exception {
    new FoundationBench().run(args.length == 0 ? List.of("embedded", "postgis") : List.of(args));
  }

  /** Runs the stores named in {@code stores} ("embedded", "postgis"; both by default). */
  private void run(List<String> stores) throws Exception {
    if (!Files.exists(jar)) {
      throw new IllegalStateException("missing " + jar + "; build the server first");
    }
    Path seas = SeasData.featureCollection(work.resolve("data"));
    Path grid = gridFile(work.resolve("data/grid-100k.geojson"));
    long seasCount = countFeatures(seas);
    System.out.printf("seas features: %,d%n", seasCount);

    double secondStart = Double.NaN;
    if (stores.contains("embedded")) {
      secondStart = embedded(seas, seasCount, grid);
    }
    if (stores.contains("postgis")) {
      postgis(seas, seasCount, grid);
    }
    report(seasCount, secondStart);
  }

  private double embedded(Path seas, long seasCount, Path grid) throws Exception {
    Path dataDir = Files.createTempDirectory("tessera-bench-");
    Map<String, String> embedded = Map.of("DATA_DIR", dataDir.toString());
    put("start-up to /ready, first start (ms)", "embedded", start("embedded-1", embedded));
    stop();
    double secondStart = start("embedded-2", embedded);
    put("start-up to /ready, second start (ms)", "embedded", secondStart);
    try {
      measureStore("embedded", seas, seasCount, grid);
    } finally {
      stop();
    }
    return secondStart;
  }

  /**
   * PostGIS: the first start on a new database is followed by a second one because, at the time of writing, the
   * first start's admin bootstrap can fail ("connection has been closed") while /ready still turns 200.
   */
  private void postgis(Path seas, long seasCount, Path grid) throws Exception {
    psql("postgres", "DROP DATABASE IF EXISTS tessera_bench", "CREATE DATABASE tessera_bench");
    psql("tessera_bench", "CREATE EXTENSION postgis");
    Map<String, String> pg = Map.of("DATA_DIR", Files.createTempDirectory("tessera-bench-pg-").toString(),
        "DATABASE_URL", PG_URL);
    put("start-up to /ready, first start (ms)", "postgis", start("postgis-1", pg));
    stop();
    put("start-up to /ready, second start (ms)", "postgis", start("postgis-2", pg));
    try {
      measureStore("postgis", seas, seasCount, grid);
    } finally {
      stop();
    }
  }

  private void measureStore(String store, Path seas, long seasCount, Path grid) throws Exception {
    for (int run = 1; run <= 2; run++) {
      String layer = createLayer("seas-" + run);
      double s = timedImport(layer, seas);
      System.out.printf("[%s] import run %d: %,d features in %.1f s = %,.0f features/s%n",
          store, run, seasCount, s, seasCount / s);
      put("seas import run " + run + (run == 1 ? " (features/s)" : ", warm (features/s)"), store, seasCount / s);
    }
    String layer = createLayer("grid-100k");
    double s = timedImport(layer, grid);
    put("100K grid import (features/s)", store, GRID_FEATURES / s);
    bboxLatency(store, layer);
  }

  // ---- 1. start-up ----

  /** Starts the server jar with {@code env} on a free port and returns the milliseconds until /ready is 200. */
  private double start(String name, Map<String, String> env) throws Exception {
    Files.createDirectories(work.resolve("logs"));
    List<String> command = new ArrayList<>(List.of(javaBin));
    if (Files.exists(aotCache)) {
      command.add("-XX:AOTCache=" + aotCache);
    }
    command.addAll(List.of("-jar", jar.toString()));
    server = BenchProcesses.startServer(name, command, env, TOKEN, work.resolve("logs/server-" + name + ".log"));
    port = server.port();
    return server.readyMillis();
  }

  private void stop() {
    if (server != null) {
      BenchProcesses.stop(server.process());
      server = null;
    }
  }


  // ---- 2. import ----

  private String createLayer(String name) throws Exception {
    String body = "{\"name\":\"" + name
        + "\",\"source_type\":\"vector\",\"source_config\":{\"geometryType\":\"Polygon\"}}";
    var res = http.send(api("/api/layers").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    check(res.statusCode(), res.body(), "create layer");
    Matcher m = ID.matcher(res.body());
    if (!m.find()) {
      throw new IllegalStateException("no id in " + res.body());
    }
    return m.group(1);
  }

  /** POSTs the file to the layer's import endpoint and returns the seconds it took. */
  private double timedImport(String layer, Path file) throws Exception {
    HttpRequest req = api("/api/layers/" + layer + "/import").header("Content-Type", "application/geo+json")
        .timeout(Duration.ofMinutes(30)).POST(BodyPublishers.ofFile(file)).build();
    long t0 = System.nanoTime();
    var res = http.send(req, BodyHandlers.ofString());
    double s = (System.nanoTime() - t0) / 1e9;
    check(res.statusCode(), res.body(), "import " + file.getFileName());
    String b = res.body();
    System.out.printf("[%s] import %s: %.1f s, response %s%n", server.name(), file.getFileName(), s,
        b.length() > 200 ? b.substring(0, 200) + "…" : b);
    return s;
  }

  // ---- 3. bbox latency ----

  /** 100,000 squares of 0.01° on a 400 × 250 grid over lon −10..30, lat 35..65; written once. */
  static Path gridFile(Path out) throws IOException {
    if (Files.exists(out)) {
      return out;
    }
    Files.createDirectories(out.getParent());
    try (Writer w = Files.newBufferedWriter(out)) {
      w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
      for (int n = 0; n < GRID_FEATURES; n++) {
        int col = n % 400;
        int row = n / 400;
        double x = -10 + col * 0.1;
        double y = 35 + row * 0.12;
        double x2 = x + 0.01;
        double y2 = y + 0.01;
        w.write((n > 0 ? ",\n" : "") + String.format(Locale.ROOT,
            "{\"type\":\"Feature\",\"properties\":{\"n\":%d,\"name\":\"cell %d/%d\"},"
                + "\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f]]]}}",
            n, row, col, x, y, x2, y, x2, y2, x, y2, x, y));
      }
      w.write("\n]}\n");
    }
    return out;
  }

  private void bboxLatency(String store, String layer) throws Exception {
    long returned = 0;
    double[] ms = new double[REQUESTS];
    for (int k = 0; k < WARMUP + REQUESTS; k++) {
      // Boxes of 0.5° × 0.5° whose corners step deterministically over 79 × 59 positions of the area.
      double x = -10 + (k * 37 % 79) * 0.5;
      double y = 35 + (k * 11 % 59) * 0.5;
      String bbox = String.format(Locale.ROOT, "%.2f,%.2f,%.2f,%.2f", x, y, x + 0.5, y + 0.5);
      HttpRequest req = api("/api/layers/" + layer + "/features?bbox=" + bbox + "&limit=100").GET().build();
      long t0 = System.nanoTime();
      var res = http.send(req, BodyHandlers.ofString());
      double t = (System.nanoTime() - t0) / 1e6;
      check(res.statusCode(), res.body(), "GET features");
      if (k >= WARMUP) {
        ms[k - WARMUP] = t;
        Matcher m = RETURNED.matcher(res.body());
        returned += m.find() ? Long.parseLong(m.group(1)) : 0;
      }
    }
    Arrays.sort(ms);
    put("bbox GET p50 (ms)", store, pct(ms, 0.50));
    put("bbox GET p95 (ms)", store, pct(ms, 0.95));
    put("bbox GET p99 (ms)", store, pct(ms, 0.99));
    put("bbox GET max (ms)", store, ms[ms.length - 1]);
    put("bbox GET mean features returned", store, (double) returned / REQUESTS);
    System.out.printf("[%s] bbox: p50 %.2f p95 %.2f p99 %.2f max %.2f ms, mean %.1f features%n", store,
        pct(ms, .5), pct(ms, .95), pct(ms, .99), ms[ms.length - 1], (double) returned / REQUESTS);
  }

  private static double pct(double[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
  }

  // ---- report ----

  private void report(long seasCount, double secondStart) throws IOException {
    String version = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    StringBuilder md = new StringBuilder();
    md.append("\n## Foundation benchmark, ").append(LocalDate.now(ZoneOffset.UTC)).append("\n\n");
    md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (nproc), ")
        .append(version).append(". Command: `bench/foundation.sh` (from the repository root).\n\n");
    md.append(String.format(Locale.ROOT, "Import data: @geo-maps/earth-seas-10m subdivided into %,d simple polygons "
        + "of ≤ %d vertices; bbox data: %,d squares of 0.01°, %,d requests of 0.5° × 0.5° boxes with limit=100 "
        + "after %d warm-up requests, sequential.%n%n", seasCount, SeasData.MAX_VERTICES, GRID_FEATURES, REQUESTS,
        WARMUP));
    md.append("| Metric | Embedded | PostGIS |\n|---|---:|---:|\n");
    table.forEach((metric, byStore) -> md.append("| ").append(metric).append(" | ")
        .append(byStore.getOrDefault("embedded", "–")).append(" | ")
        .append(byStore.getOrDefault("postgis", "–")).append(" |\n"));
    md.append('\n');
    if (!Double.isNaN(secondStart)) {
      md.append(String.format(Locale.ROOT, "- Start ≤ 5 s (second start, embedded store): %s (%.0f ms).%n",
          secondStart <= 5000 ? "met" : "not met", secondStart));
    }
    // The target is for simple polygons: the 100K grid squares; the seas pieces (up to 256 vertices) are reported.
    String gridOnPostgis = table.getOrDefault("100K grid import (features/s)", Map.of()).get("postgis");
    if (gridOnPostgis != null) {
      double rate = Double.parseDouble(gridOnPostgis.replace(",", ""));
      md.append(String.format(Locale.ROOT, "- Import ≥ 20K features/s of simple polygons on PostGIS: %s (%,.0f features/s).%n",
          rate >= 20_000 ? "met" : "not met", rate));
    }
    System.out.println(md);
    Files.writeString(root.resolve("docs/benchmarks.md"), md, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    System.out.println("appended to docs/benchmarks.md");
  }

  // ---- helpers ----

  private void put(String metric, String store, double value) {
    String v = value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    table.computeIfAbsent(metric, k -> new LinkedHashMap<>()).put(store, v);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpRequest.Builder api(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + TOKEN);
  }

  private static void check(int status, String body, String what) {
    if (status / 100 != 2) {
      throw new IllegalStateException(what + " failed: HTTP " + status + " " + body);
    }
  }

  private static long countFeatures(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      return lines.filter(l -> l.startsWith("{\"type\":\"Feature\"")).count();
    }
  }

  private static void psql(String db, String... commands) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U",
        "postgres", "-d", db));
    for (String c : commands) {
      cmd.add("-c");
      cmd.add(c);
    }
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new UncheckedIOException(new IOException("psql failed: " + cmd));
    }
  }
}
