package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the tile cache off ({@code CACHE_SIZE=0}) tiles are compressed only for clients that accept gzip. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UncachedTilesIT {
  static final String ADMIN_TOKEN = "tsr_uncached-tiles-admin-token-0";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("tessera-uncached-tiles-it");
    registry.add("tessera.data-dir", dir::toString);
    registry.add("tessera.admin.token", () -> ADMIN_TOKEN);
    registry.add("tessera.cache.size", () -> "0");
  }

  @LocalServerPort int port;

  @Test
  void eachClientGetsTheEncodingItAsksForAndAnEditIsSeenAtOnce() throws Exception {
    ApiClient admin = new ApiClient(port, ADMIN_TOKEN);
    String layer = admin.post("/api/layers", """
        {"name":"places","source_type":"vector","source_config":{}}""").json().get("id").asString();
    assertThat(admin.post("/api/layers/" + layer + "/features", TilesIT.unclusteredPoints(200)).status()).isEqualTo(201);

    for (String query : new String[] {"", "?path=regular"}) { // the fast path and the regular one
      var gzipped = tile(admin, layer, query, "Accept-Encoding", "gzip");
      var plain = tile(admin, layer, query);
      assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
      assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(plain.body().length).isGreaterThan(1024);
      assertThat(ArchivesIT.gunzip(gzipped.body())).isEqualTo(plain.body());
    }
    var before = tile(admin, layer, "");
    admin.post("/api/layers/" + layer + "/features", """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[3.0,54.1]},"properties":{"name":"new"}}""");
    var after = tile(admin, layer, "");
    assertThat(after.body().length).isGreaterThan(before.body().length);
    assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
  }

  HttpResponse<byte[]> tile(ApiClient admin, String layer, String query, String... headers) throws Exception {
    var request = admin.request("/api/layers/" + layer + "/tiles/5/16/10.mvt" + query, headers).GET().build();
    return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
