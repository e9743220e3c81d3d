package dev.tessera.server.security.webhook;

import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.ExternalIdentities;
import dev.tessera.server.security.ExternalProfile;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/webhooks/users}: the identity provider's user sync (Clerk's {@code user.created},
 * {@code user.updated}, {@code user.deleted}), signed with the Svix scheme under {@code WEBHOOK_SECRET}. A bad or
 * stale signature answers 401 and changes nothing; a delivery already processed (same {@code svix-id}) answers 200
 * and changes nothing; other event types are acknowledged and ignored. 404 while no secret is configured.
 */
@RestController
class UserSyncWebhookController {
  private static final Logger LOG = LoggerFactory.getLogger(UserSyncWebhookController.class);

  private final SvixSignature signature;
  private final WebhookDeliveries deliveries;
  private final ExternalIdentities externals;
  private final TransactionTemplate tx;
  private final ObjectMapper json;

  UserSyncWebhookController(
      TesseraProperties properties,
      WebhookDeliveries deliveries,
      ExternalIdentities externals,
      TransactionTemplate tx,
      ObjectMapper json) {
    String secret = properties.identity().webhookSecret();
    this.signature = secret == null || secret.isBlank() ? null : new SvixSignature(secret);
    this.deliveries = deliveries;
    this.externals = externals;
    this.tx = tx;
    this.json = json;
  }

  @PostMapping("/api/webhooks/users")
  ResponseEntity<Void> receive(
      @RequestHeader(name = "svix-id", required = false) String id,
      @RequestHeader(name = "svix-timestamp", required = false) String timestamp,
      @RequestHeader(name = "svix-signature", required = false) String signatures,
      @RequestBody(required = false) byte[] body) {
    if (signature == null) {
      throw new ApiException(HttpStatus.NOT_FOUND, "not_found", "The user sync webhook is not enabled.");
    }
    byte[] payload = body == null ? new byte[0] : body;
    var result = signature.verify(id, timestamp, signatures, payload, Instant.now());
    if (result != SvixSignature.Result.VALID) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_signature", detail(result));
    }
    JsonNode event = parse(payload);
    boolean processed =
        Boolean.TRUE.equals(
            tx.execute(
                status -> {
                  if (!deliveries.recordFirst(id, Instant.now())) {
                    return false;
                  }
                  apply(event);
                  return true;
                }));
    return processed ? ResponseEntity.noContent().build() : ResponseEntity.ok().build();
  }

  private void apply(JsonNode event) {
    String type = event.path("type").asString("");
    JsonNode data = event.path("data");
    String subject = data.path("id").asString("");
    switch (type) {
      case "user.created", "user.updated" -> {
        requireSubject(subject);
        externals.sync(ClerkUsers.profile(data));
      }
      case "user.deleted" -> {
        requireSubject(subject);
        externals.forget(subject);
      }
      default -> LOG.debug("Ignoring webhook event of type {}", type);
    }
  }

  private static void requireSubject(String subject) {
    if (subject.isBlank()) {
      throw ApiException.badRequest("invalid_event", "The event's data has no user id.").with("pointer", "/data/id");
    }
  }

  private JsonNode parse(byte[] payload) {
    try {
      JsonNode event = json.readTree(payload);
      if (event == null || !event.isObject()) {
        throw ApiException.badRequest("invalid_event", "The event is not a JSON object.");
      }
      return event;
    } catch (JacksonException e) {
      throw ApiException.badRequest("malformed_json", "The event is not valid JSON.");
    }
  }

  private static String detail(SvixSignature.Result result) {
    return switch (result) {
      case MISSING_HEADERS -> "The svix-id, svix-timestamp and svix-signature headers are required.";
      case STALE_TIMESTAMP -> "The svix-timestamp is more than " + SvixSignature.TOLERANCE.toMinutes() + " minutes from now.";
      default -> "The svix-signature does not match the body.";
    };
  }

  /** Clerk's user object → the profile Tessera keeps. */
  static final class ClerkUsers {
    private ClerkUsers() {}

    static ExternalProfile profile(JsonNode data) {
      String primary = data.path("primary_email_address_id").asString("");
      String email = null;
      for (JsonNode address : data.path("email_addresses")) {
        if (email == null || address.path("id").asString("").equals(primary)) {
          email = address.path("email_address").asString(null);
        }
      }
      String name = (data.path("first_name").asString("") + " " + data.path("last_name").asString("")).trim();
      if (name.isEmpty()) {
        name = data.path("username").asString(null);
      }
      String avatar = data.path("image_url").asString(data.path("profile_image_url").asString(null));
      return new ExternalProfile(data.path("id").asString(), email, name, avatar);
    }
  }
}
