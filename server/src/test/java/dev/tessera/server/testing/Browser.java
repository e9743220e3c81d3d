package dev.tessera.server.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Browser scenarios (src/test/node/e2e, playwright-core) in Debian's headless Chromium against a running server.
 * Without Chromium or the npm tools the tests that need them skip, unless {@code TESSERA_TEST_TOOLS_REQUIRED=true}
 * (CI), where they fail. Each scenario prints one JSON line with its checks and numbers; screenshots go to
 * {@code target/e2e/<scenario>/}.
 */
public final class Browser {
  private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("TESSERA_CHROMIUM", "/usr/bin/chromium"));

  private Browser() {}

  /** The artifact directory of a scenario: screenshots and the JSON result. */
  public static Path artifacts(String scenario) {
    return Path.of("target/e2e", scenario).toAbsolutePath();
  }

  /** Runs {@code node e2e/<script> <args…>} and returns its last output line (the scenario's JSON result). */
  public static String run(String script, Duration timeout, String... args) {
    requireTools();
    List<String> command = new ArrayList<>(List.of("node", NODE_DIR.resolve("e2e").resolve(script).toString()));
    command.addAll(List.of(args));
    try {
      Path log = Files.createTempFile("tessera-e2e", ".log");
      Process process =
          new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("node " + script + " took longer than " + timeout + ":\n" + Files.readString(log));
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      String last = lines.isEmpty() ? "" : lines.getLast();
      if (!last.startsWith("{")) {
        fail("node " + script + " printed no result:\n" + String.join("\n", lines));
      }
      return last;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run node " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void requireTools() {
    String missing = null;
    if (!Files.isExecutable(CHROMIUM)) {
      missing = "Chromium missing at " + CHROMIUM + ": apt-get install chromium (or set TESSERA_CHROMIUM)";
    } else if (!Files.isDirectory(NODE_DIR.resolve("node_modules/playwright-core"))) {
      missing = "npm test tools missing: run 'npm ci --prefix server/src/test/node'";
    }
    if (missing != null) {
      if ("true".equals(System.getenv("TESSERA_TEST_TOOLS_REQUIRED"))) {
        fail(missing);
      }
      Assumptions.abort(missing);
    }
  }
}
