package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.server.testing.NodeTools;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The web application's files and the built-in basemap over HTTP, anonymously. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAppIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("tessera-webapp-it");
    registry.add("tessera.data-dir", dir::toString);
    registry.add("tessera.demo.enabled", () -> "false");
  }

  @LocalServerPort int port;
  ApiClient anonymous;

  @BeforeEach
  void client() {
    anonymous = new ApiClient(port, null);
  }

  @Test
  void theAppIsServedAtTheRootAndAtItsOwnRoutesButUnknownPathsStay404() {
    var root = anonymous.get("/");
    assertThat(root.status()).isEqualTo(200);
    assertThat(root.body()).contains("<main id=\"app\"").contains("/assets/");
    for (String route : new String[] {"/login", "/maps", "/maps/0190f0a1-2b3c-7d4e-8f00-112233445566", "/places"}) {
      var page = anonymous.get(route);
      assertThat(page.status()).as(route).isEqualTo(200);
      assertThat(page.body()).as(route).isEqualTo(root.body());
    }
    var unknown = anonymous.get("/no-such-page");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void hashedAssetsAreCachedForAYearAndTheWorkerIsJavaScript() {
    String index = anonymous.get("/").body();
    var script = Pattern.compile("/assets/index-[\\w-]+\\.js").matcher(index);
    assertThat(script.find()).isTrue();
    var asset = anonymous.get(script.group());
    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
    var brotli = anonymous.get(script.group(), "Accept-Encoding", "br, gzip");
    assertThat(brotli.header("Content-Encoding")).isEqualTo("br");
    assertThat(brotli.header("Content-Type")).startsWith("text/javascript");
    // MapLibre's worker is an ES module file: browsers refuse module workers served as octet-stream.
    var worker = Pattern.compile("maplibre-gl-worker-[\\w-]+\\.mjs").matcher(allAssets());
    assertThat(worker.find()).as("worker file in the build").isTrue();
    assertThat(anonymous.get("/assets/" + worker.group()).header("Content-Type")).startsWith("text/javascript");
    assertThat(anonymous.get("/assets/" + worker.group(), "Accept-Encoding", "gzip").header("Content-Type"))
        .startsWith("text/javascript");
  }

  @Test
  void theBasemapServesLandAndBordersAsVectorTilesWithAValidStyle() {
    var style = anonymous.get("/api/basemap/style.json");
    assertThat(style.status()).isEqualTo(200);
    var validation = NodeTools.run("validate-style.mjs", style.body().getBytes(StandardCharsets.UTF_8));
    assertThat(validation.exitCode()).as(validation.output()).isZero();
    assertThat(style.json().at("/sources/basemap/tiles/0").asString())
        .isEqualTo("http://localhost:" + port + "/api/basemap/tiles/{z}/{x}/{y}.mvt");

    // Zoom 4 over the North Sea: the British Isles, the continent and the borders between its countries.
    HttpResponse<byte[]> tile = bytes("/api/basemap/tiles/4/7/5.mvt");
    assertThat(tile.statusCode()).isEqualTo(200);
    assertThat(tile.headers().firstValue("Cache-Control").orElse("")).contains("max-age=86400");
    JsonNode decoded = ApiClient.JSON.readTree(NodeTools.run("decode-mvt.mjs", tile.body()).output());
    assertThat(decoded.at("/layers/land/features").size()).isPositive();
    assertThat(decoded.at("/layers/borders/features").size()).isPositive();

    // Open sea in the middle of the Pacific: no land, so no content.
    assertThat(bytes("/api/basemap/tiles/6/2/30.mvt").statusCode()).isEqualTo(204);
  }

  @Test
  void badBasemapTileRequestsAre400ProblemsWithACode() {
    var outOfRange = anonymous.get("/api/basemap/tiles/3/8/0.mvt");
    assertThat(outOfRange.status()).isEqualTo(400);
    assertThat(outOfRange.json().get("code").asString()).isEqualTo("invalid_tile");
    var wrongFormat = anonymous.get("/api/basemap/tiles/0/0/0.png");
    assertThat(wrongFormat.status()).isEqualTo(400);
    assertThat(wrongFormat.json().get("code").asString()).isEqualTo("unsupported_tile_format");
  }

  private String allAssets() {
    // The worker is referenced from the MapLibre chunk, not from index.html: list the build's assets instead.
    try (var files = Files.list(Path.of("../web/target/classes/static/assets"))) {
      return String.join(" ", files.map(p -> p.getFileName().toString()).toList());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<byte[]> bytes(String path) {
    try {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).build();
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
