package dev.tessera.server.api;

import static dev.tessera.server.api.ApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.server.security.IdentityService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Clerk-style user sync webhook: signed deliveries create, update and forget users; anything else changes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserSyncWebhookIT {
  static final byte[] KEY = "a webhook key for the test suite".getBytes(StandardCharsets.UTF_8);
  static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
  static final String PATH = "/api/webhooks/users";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    String dir = Files.createTempDirectory("tessera-webhook").toString();
    registry.add("tessera.data-dir", () -> dir);
    registry.add("tessera.demo.enabled", () -> "false");
    registry.add("tessera.identity.webhook-secret", () -> SECRET);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;

  private ApiClient.Response deliver(String id, long timestamp, String body, String signature) {
    return new ApiClient(port, null)
        .post(PATH, body, "svix-id", id, "svix-timestamp", Long.toString(timestamp), "svix-signature", signature);
  }

  private ApiClient.Response deliver(String id, String body) {
    long now = Instant.now().getEpochSecond();
    return deliver(id, now, body, "v1," + sign(id, now, body));
  }

  static String sign(String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String userEvent(String type, String subject, String email, String first) {
    return """
        {"type": "%s", "object": "event", "data": {"id": "%s", "object": "user", "first_name": "%s", "last_name": "Doe",
         "image_url": "https://img.example.test/%s.png", "primary_email_address_id": "idn_2",
         "email_addresses": [{"id": "idn_1", "email_address": "old-%s"}, {"id": "idn_2", "email_address": "%s"}]}}"""
        .formatted(type, subject, first, subject, email, email);
  }

  private Map<String, Object> user(String subject) {
    return jdbc.queryForMap("SELECT id, email, name, avatar_url FROM users WHERE external_id = ?", subject);
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  @Test
  void signedDeliveriesCreateUpdateAndForgetUsers() {
    String subject = "user_" + UUID.randomUUID();
    String email = subject + "@example.org";
    assertThat(deliver("msg_" + UUID.randomUUID(), userEvent("user.created", subject, email, "Jane")).status()).isEqualTo(204);
    assertThat(user(subject)).containsEntry("email", email.toLowerCase()).containsEntry("name", "Jane Doe")
        .containsEntry("avatar_url", "https://img.example.test/" + subject + ".png");

    String update = "msg_" + UUID.randomUUID();
    assertThat(deliver(update, userEvent("user.updated", subject, email, "Janet")).status()).isEqualTo(204);
    assertThat(user(subject)).containsEntry("name", "Janet Doe");

    UUID id = (UUID) user(subject).get("id");
    String token = identity.issueToken(id, "t").secret();
    assertThat(new ApiClient(port, token).get("/api/users/me").status()).isEqualTo(200);
    String deleted = "{\"type\": \"user.deleted\", \"data\": {\"id\": \"" + subject + "\", \"deleted\": true}}";
    assertThat(deliver("msg_" + UUID.randomUUID(), deleted).status()).isEqualTo(204);
    assertThat(user(subject)).containsEntry("email", null).containsEntry("name", null);
    assertProblem(new ApiClient(port, token).get("/api/users/me"), 401, "unauthorized");
  }

  @Test
  void aReplayedDeliveryIsAcknowledgedAndChangesNothing() {
    String subject = "user_" + UUID.randomUUID();
    String id = "msg_" + UUID.randomUUID();
    long now = Instant.now().getEpochSecond();
    String created = userEvent("user.created", subject, subject + "@example.org", "Once");
    String signature = "v1," + sign(id, now, created);
    assertThat(deliver(id, now, created, signature).status()).isEqualTo(204);
    assertThat(deliver("msg_" + UUID.randomUUID(), userEvent("user.updated", subject, subject + "@example.org", "Twice")).status())
        .isEqualTo(204);
    var replay = deliver(id, now, created, signature);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(user(subject)).as("the replay did not undo the update").containsEntry("name", "Twice Doe");
  }

  @Test
  void badSignaturesAreRefusedWith401AndChangeNothing() {
    String subject = "user_" + UUID.randomUUID();
    String body = userEvent("user.created", subject, subject + "@example.org", "Mallory");
    String id = "msg_" + UUID.randomUUID();
    long now = Instant.now().getEpochSecond();
    int before = count("SELECT COUNT(*) FROM users");
    assertProblem(deliver(id, now, body, "v1," + sign(id, now, body.replace("Mallory", "Alice"))), 401, "invalid_signature");
    assertProblem(deliver(id, now, body, "v1,AAAA"), 401, "invalid_signature");
    assertProblem(deliver(id, now - 600, body, "v1," + sign(id, now - 600, body)), 401, "invalid_signature");
    assertProblem(deliver(id, now + 600, body, "v1," + sign(id, now + 600, body)), 401, "invalid_signature");
    assertProblem(new ApiClient(port, null).post(PATH, body), 401, "invalid_signature");
    assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM webhook_deliveries WHERE id = ?", id)).as("a refused id is not spent").isZero();
    assertThat(deliver(id, now, body, "v1," + sign(id, now, body)).status()).isEqualTo(204);
  }

  @Test
  void otherEventsAreAcknowledgedAndMalformedOnesRefused() {
    assertThat(deliver("msg_" + UUID.randomUUID(), "{\"type\": \"session.created\", \"data\": {\"id\": \"sess_1\"}}").status())
        .isEqualTo(204);
    assertProblem(deliver("msg_" + UUID.randomUUID(), "not json"), 400, "malformed_json");
    assertProblem(deliver("msg_" + UUID.randomUUID(), "{\"type\": \"user.created\", \"data\": {}}"), 400, "invalid_event");
  }
}
