package dev.tessera.server.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Independent checkers from npm (src/test/node: MapLibre's style validator, Mapbox's vector tile decoder), run with
 * the machine's {@code node}. Without them the tests that need them skip, unless {@code
 * TESSERA_TEST_TOOLS_REQUIRED=true} (CI), where they fail.
 */
public final class NodeTools {
  private static final Path DIR = Path.of("src/test/node").toAbsolutePath();

  private NodeTools() {}

  /**
   * Runs {@code node <script> <file> <args…>} with {@code input} in the file; returns exit code and standard output.
   */
  public static Result run(String script, byte[] input, String... args) {
    requireTools();
    try {
      Path file = Files.createTempFile("tessera-node", ".bin");
      Files.write(file, input);
      List<String> command = new java.util.ArrayList<>(List.of("node", DIR.resolve(script).toString(), file.toString()));
      command.addAll(List.of(args));
      Process process =
          new ProcessBuilder(command)
              .directory(DIR.toFile())
              .redirectErrorStream(true)
              .start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("node " + script + " timed out");
      }
      Files.deleteIfExists(file);
      return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run node " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Result(int exitCode, String output) {}

  private static void requireTools() {
    boolean present = Files.isDirectory(DIR.resolve("node_modules"));
    if (!present) {
      String why = "npm test tools missing: run 'npm ci --prefix server/src/test/node'";
      if ("true".equals(System.getenv("TESSERA_TEST_TOOLS_REQUIRED"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
  }
}
