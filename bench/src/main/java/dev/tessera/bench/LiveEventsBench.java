package dev.tessera.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live map events: two Tessera instances on one PostGIS database, {@code streams} SSE clients split between them on
 * one map, and {@code rounds} comments posted through the first instance; for each comment, the time from sending the
 * POST until every stream has received it (p50, p95, max over rounds), and the server's platform threads before and
 * after the streams opened (an idle stream should hold none). Usage: {@code LiveEventsBench <server jar> <jdbc url>
 * [streams] [rounds]}.
 */
public final class LiveEventsBench {
  private static final String TOKEN = "tsr_live-events-bench-admin-token";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern THREADS = Pattern.compile("(?m)^jvm_threads_live_threads\\{[^}]*\\} ([0-9.]+)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    String jar = args[0];
    String database = args[1];
    int streams = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    Path work = Files.createTempDirectory("tessera-live-bench");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<BenchProcesses.Server> servers = new ArrayList<>();
    for (String name : List.of("a", "b")) {
      servers.add(
          BenchProcesses.startServer(
              name,
              List.of(java, "-jar", jar),
              Map.of("DATABASE_URL", database, "DATA_DIR", work.resolve(name).toString(), "LOG_LEVEL", "WARN"),
              TOKEN,
              work.resolve("server-" + name + ".log")));
    }
    try {
      run(servers, streams, rounds);
    } finally {
      servers.forEach(s -> BenchProcesses.stop(s.process()));
    }
  }

  private static void run(List<BenchProcesses.Server> servers, int streams, int rounds) throws Exception {
    var a = servers.get(0);
    String map = id(post(a, "/api/maps", "{\"name\": \"live bench\", \"permission_level\": \"private\"}"));
    double threadsBefore = threads(servers.get(1));
    var received = new ConcurrentHashMap<String, CountDownLatch>();
    var current = new AtomicReference<CountDownLatch>();
    List<InputStream> bodies = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      var server = servers.get(i % 2);
      var response =
          HTTP.send(
              HttpRequest.newBuilder(server.uri("/api/maps/" + map + "/events"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .build(),
              BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("stream " + i + " answered " + response.statusCode());
      }
      bodies.add(response.body());
      Thread.ofVirtual().start(() -> read(response.body(), current));
    }
    double threadsAfter = threads(servers.get(1));
    System.out.printf("%d streams open (half on each instance); instance b platform threads %.0f -> %.0f%n",
        streams, threadsBefore, threadsAfter);
    double[] millis = new double[rounds];
    for (int round = -3; round < rounds; round++) { // three warm-up rounds
      var latch = new CountDownLatch(streams);
      current.set(latch);
      long start = System.nanoTime();
      post(a, "/api/comments", "{\"map_id\": \"" + map + "\", \"content\": \"round " + round + "\"}");
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(latch.getCount() + " streams missed round " + round);
      }
      if (round >= 0) {
        millis[round] = (System.nanoTime() - start) / 1e6;
      }
    }
    Arrays.sort(millis);
    System.out.printf("comment POST on a -> received by all %d streams: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d rounds)%n",
        streams, millis[rounds / 2], millis[(int) Math.ceil(rounds * 0.95) - 1], millis[rounds - 1], rounds);
    for (InputStream body : bodies) {
      body.close();
    }
  }

  private static void read(InputStream body, AtomicReference<CountDownLatch> current) {
    try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.equals("event:comment_created")) {
          current.get().countDown();
        }
      }
    } catch (Exception closed) {
      // the benchmark closed the stream
    }
  }

  private static String post(BenchProcesses.Server server, String path, String body) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build(),
            BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static double threads(BenchProcesses.Server server) throws Exception {
    String metrics = HTTP.send(HttpRequest.newBuilder(server.uri("/metrics")).build(), BodyHandlers.ofString()).body();
    Matcher m = THREADS.matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private static String id(String json) {
    Matcher m = ID.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no id in " + json);
    }
    return m.group(1);
  }
}
