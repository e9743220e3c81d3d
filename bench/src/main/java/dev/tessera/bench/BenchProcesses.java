package dev.tessera.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The processes a benchmark starts (Tessera servers, nginx, wrk): every one is tracked and stopped when the benchmark
 * ends, also on failure or Ctrl-C, so no server is left running. Thread-safe.
 */
final class BenchProcesses {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  /** HTTP/1.1: the default client asks for an h2c upgrade, which uvicorn (the rasterio peer) answers with an error. */
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(BenchProcesses::kill)));
  }

  private BenchProcesses() {}

  /** A started Tessera server: its process, port and how long it took until /ready answered 200. */
  record Server(String name, Process process, int port, double readyMillis) {
    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }
  }

  static Process track(Process process) {
    LIVE.add(process);
    return process;
  }

  /** Stops a tracked process: TERM, then KILL after 30 s. */
  static void stop(Process process) {
    kill(process);
    LIVE.remove(process);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Starts {@code command} (a Tessera server jar) with {@code env} plus SERVER_PORT, ADMIN_TOKEN and ADMIN_PASSWORD,
   * output to {@code log}, and waits (at most 3 minutes) until {@code GET /ready} answers 200.
   */
  static Server startServer(String name, List<String> command, Map<String, String> env, String adminToken, Path log)
      throws IOException, InterruptedException {
    int port = freePort();
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    pb.environment().put("SERVER_PORT", Integer.toString(port));
    pb.environment().put("ADMIN_TOKEN", adminToken);
    pb.environment().put("ADMIN_PASSWORD", "bench-password");
    long t0 = System.nanoTime();
    Process process = track(pb.start());
    awaitOk(process, URI.create("http://127.0.0.1:" + port + "/ready"), Duration.ofMinutes(3), "server " + name, log);
    double ms = (System.nanoTime() - t0) / 1e6;
    System.out.printf("[%s] ready after %.0f ms (port %d)%n", name, ms, port);
    return new Server(name, process, port, ms);
  }

  /**
   * Polls {@code uri} until it answers 200; fails if {@code process} exits first or {@code limit} passes. {@code what}
   * and {@code log} name the process in the error.
   */
  static void awaitOk(Process process, URI uri, Duration limit, String what, Path log)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(what + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (HTTP.send(request, BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() - t0 > limit.toNanos()) {
        throw new IllegalStateException(what + " not ready after " + limit);
      }
      Thread.sleep(20); // polling a child process for readiness, not a test
    }
  }

  private static void kill(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
