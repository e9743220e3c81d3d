package dev.tessera.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.server.testing.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web application in headless Chromium against this server (embedded store): what a person does, checked on the
 * screen (DOM) and in MapLibre's rendered state; see src/test/node/e2e/*.e2e.mjs for the steps. Inside a scenario
 * every step waits for a condition, up to a minute each (browser.mjs WAIT_MS); the limits here only stop a scenario
 * that hangs, and are several times what one takes on a loaded 2-core machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAppE2eIT {
  static final String ADMIN_PASSWORD = "e2e-admin-password";
  static final String ADMIN_TOKEN = "tsr_web-e2e-admin-token-00000";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("tessera-web-e2e");
    registry.add("tessera.data-dir", dir::toString);
    registry.add("tessera.admin.password", () -> ADMIN_PASSWORD);
    registry.add("tessera.admin.token", () -> ADMIN_TOKEN);
    registry.add("tessera.demo.enabled", () -> "false");
    // the remote scenario's fake WMS listens on loopback
    registry.add("tessera.outbound.allowed-networks", () -> "127.0.0.0/8");
  }

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void signInCreateAMapDrawAPolygonAddATemporalLayerReorderToggleShareAndReload() throws IOException {
    JsonNode result = scenario("webapp.e2e.mjs", Duration.ofMinutes(10), "admin@localhost", ADMIN_PASSWORD);
    assertThat(result.get("checks").size()).isGreaterThanOrEqualTo(20);
    // Failed tile loads of the raster layer (no COG behind it) and of live events (not on this server yet) are
    // expected console noise; uncaught script errors are not.
    assertThat(result.get("browserErrors").valueStream().map(JsonNode::asString))
        .noneMatch(e -> e.startsWith("pageerror"));
  }

  @Test
  void aMapWithAHundredThousandPointsLoadsAndIsMeasuredWhilePanning() throws IOException {
    JsonNode result = scenario("perf.e2e.mjs", Duration.ofMinutes(12), ADMIN_TOKEN);
    // Numbers, not thresholds (the machine is shared and renders with software GL): kept for docs/benchmarks.md.
    Files.writeString(Browser.artifacts("perf").resolve("numbers.json"), result.get("numbers").toString());
    assertThat(result.at("/numbers/withPoints/frames").asInt()).isGreaterThan(5);
  }

  /**
   * Sharing, comments and live updates need issue 4's endpoints; until they are in this build the scenario skips
   * (and runs by itself once they are). Checked passing on a scratch merge with the i4-collab branch.
   */
  @Test
  void aSharedMapIsCommentedOnAndAnEditAppearsLiveForTheCollaborator() throws IOException {
    Assumptions.assumeTrue(
        serves("/api/comments", "/api/maps/{id}/collaborators", "/api/maps/{id}/events", "/api/users"),
        "this build has no collaborators/comments/events API (issue 4)");
    scenario("collab.e2e.mjs", Duration.ofMinutes(8), "admin@localhost", ADMIN_PASSWORD);
  }

  @Test
  void aWmsLayerAddedByItsUrlIsDrawnAndFollowsTheTimeSlider() throws IOException {
    scenario("remote.e2e.mjs", Duration.ofMinutes(6), ADMIN_TOKEN);
  }

  /** The places view needs issue 6's viewport API; until it is in this build the scenario skips. */
  @Test
  void thePlacesViewDrawsServerClustersAndZoomsIntoOne() throws IOException {
    Assumptions.assumeTrue(serves("/api/v1/places"), "this build has no places API (issue 6)");
    scenario("places.e2e.mjs", Duration.ofMinutes(6), ADMIN_TOKEN);
  }

  private boolean serves(String... paths) {
    return mappings.getHandlerMethods().keySet().stream()
        .flatMap(info -> info.getPatternValues().stream())
        .collect(Collectors.toSet())
        .containsAll(List.of(paths));
  }

  private JsonNode scenario(String script, Duration timeout, String... args) throws IOException {
    String name = script.replace(".e2e.mjs", "");
    Path artifacts = Browser.artifacts(name);
    String[] all = new String[args.length + 2];
    all[0] = "http://localhost:" + port;
    System.arraycopy(args, 0, all, 1, args.length);
    all[all.length - 1] = artifacts.toString();
    JsonNode result = JSON.readTree(Browser.run(script, timeout, all));
    Files.createDirectories(artifacts);
    Files.writeString(artifacts.resolve("result.json"), result.toPrettyString());
    assertThat(result.get("ok").asBoolean()).as("%s failed: %s", script, result.get("error")).isTrue();
    assertThat(result.get("checks").valueStream().allMatch(c -> c.get("ok").asBoolean())).isTrue();
    return result;
  }
}
