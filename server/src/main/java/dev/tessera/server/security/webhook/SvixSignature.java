package dev.tessera.server.security.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Svix webhook signatures, as Clerk sends them: {@code svix-signature} holds space-separated {@code v1,<base64>}
 * HMAC-SHA256 signatures of {@code <svix-id>.<svix-timestamp>.<body>} under the base64 key after {@code whsec_};
 * the timestamp (Unix seconds) must be within {@link #TOLERANCE} of now, so a captured delivery cannot be replayed
 * later. Immutable and thread-safe.
 */
final class SvixSignature {
  static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final String PREFIX = "whsec_";

  enum Result {
    VALID,
    MISSING_HEADERS,
    STALE_TIMESTAMP,
    WRONG_SIGNATURE
  }

  private final SecretKeySpec key;

  SvixSignature(String secret) {
    String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    this.key = new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256");
  }

  Result verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
    if (id == null || timestamp == null || signatures == null || id.isBlank()) {
      return Result.MISSING_HEADERS;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return Result.STALE_TIMESTAMP;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      return Result.STALE_TIMESTAMP;
    }
    byte[] expected = sign(id, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
    for (String candidate : signatures.trim().split(" +")) {
      if (candidate.startsWith("v1,")
          && MessageDigest.isEqual(expected, candidate.substring(3).getBytes(StandardCharsets.US_ASCII))) {
        return Result.VALID;
      }
    }
    return Result.WRONG_SIGNATURE;
  }

  private String sign(String id, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
