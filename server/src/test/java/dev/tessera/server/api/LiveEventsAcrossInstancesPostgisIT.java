package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tessera.server.TesseraApplication;
import dev.tessera.server.security.IdentityService;
import dev.tessera.server.store.TestDatabases;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two server instances on one PostGIS database, as behind a load balancer: a comment posted through one reaches an
 * event stream opened on the other within a second (PostgreSQL LISTEN/NOTIFY).
 */
class LiveEventsAcrossInstancesPostgisIT {
  private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    var postgis = (HikariDataSource) TestDatabases.postgis();
    for (int i = 0; i < 2; i++) {
      INSTANCES.add(
          new SpringApplicationBuilder(TesseraApplication.class)
              .run(
                  "--server.port=0",
                  "--tessera.database-url=" + postgis.getJdbcUrl(),
                  "--tessera.data-dir=" + Files.createTempDirectory("tessera-instance"),
                  "--tessera.demo.enabled=false"));
    }
  }

  @AfterAll
  static void stop() {
    INSTANCES.forEach(ConfigurableApplicationContext::close);
  }

  private static int port(int instance) {
    return ((WebServerApplicationContext) INSTANCES.get(instance)).getWebServer().getPort();
  }

  @Test
  void aCommentPostedOnOneInstanceReachesAStreamOnTheOtherWithinASecond() throws Exception {
    var identity = INSTANCES.get(0).getBean(IdentityService.class);
    var user = identity.createLocalUser("live-" + System.nanoTime() + "@example.org", "Live", "password-123", false);
    String token = identity.issueToken(user.id(), "test").secret();
    var first = new ApiClient(port(0), token);
    String map = first.post("/api/maps", "{\"name\": \"live\", \"permission_level\": \"private\"}").json().get("id").asString();

    try (var stream = SseStream.open(port(1), "/api/maps/" + map + "/events", token, null)) {
      assertThat(stream.status).isEqualTo(200);
      // The second instance's LISTEN connection may still be opening right after start-up.
      first.post("/api/comments", "{\"map_id\": \"" + map + "\", \"content\": \"warm-up\"}");
      assertThat(stream.next("comment_created", Duration.ofSeconds(10))).isNotNull();

      long slowestMillis = 0;
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        var posted = first.post("/api/comments", "{\"map_id\": \"" + map + "\", \"content\": \"across " + i + "\"}");
        assertThat(posted.status()).isEqualTo(201);
        var heard = stream.next("comment_created", Duration.ofSeconds(1));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(heard).as("comment %d within 1 s of posting", i).isNotNull();
        assertThat(heard.json().get("comment").get("id").asString()).isEqualTo(posted.json().get("id").asString());
        slowestMillis = Math.max(slowestMillis, millis);
      }
      System.out.println("Slowest cross-instance comment delivery (post + NOTIFY + SSE): " + slowestMillis + " ms");
    }
  }
}
