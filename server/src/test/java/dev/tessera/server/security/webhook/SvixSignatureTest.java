package dev.tessera.server.security.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.server.security.webhook.SvixSignature.Result;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Svix signatures, checked against the example in Svix's documentation ("Verifying webhooks manually"). */
class SvixSignatureTest {
  private static final SvixSignature SVIX = new SvixSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final String TIMESTAMP = "1614265330";
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Instant SENT = Instant.ofEpochSecond(1614265330);

  @Test
  void theDocumentedExampleVerifies() {
    assertThat(SVIX.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT)).isEqualTo(Result.VALID);
    assertThat(SVIX.verify(ID, TIMESTAMP, "v1,bm9wZQ== " + SIGNATURE, BODY, SENT.plusSeconds(299)))
        .as("any of several signatures (key rotation)")
        .isEqualTo(Result.VALID);
  }

  @Test
  void anyChangeOrAStaleTimestampFails() {
    assertThat(SVIX.verify(ID, TIMESTAMP, SIGNATURE, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), SENT))
        .isEqualTo(Result.WRONG_SIGNATURE);
    assertThat(SVIX.verify("msg_other", TIMESTAMP, SIGNATURE, BODY, SENT)).isEqualTo(Result.WRONG_SIGNATURE);
    assertThat(SVIX.verify(ID, TIMESTAMP, "v2," + SIGNATURE.substring(3), BODY, SENT)).isEqualTo(Result.WRONG_SIGNATURE);
    assertThat(new SvixSignature("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=").verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT))
        .isEqualTo(Result.WRONG_SIGNATURE);
    assertThat(SVIX.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(301))).isEqualTo(Result.STALE_TIMESTAMP);
    assertThat(SVIX.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT.minusSeconds(301))).isEqualTo(Result.STALE_TIMESTAMP);
    assertThat(SVIX.verify(ID, "yesterday", SIGNATURE, BODY, SENT)).isEqualTo(Result.STALE_TIMESTAMP);
    assertThat(SVIX.verify(null, TIMESTAMP, SIGNATURE, BODY, SENT)).isEqualTo(Result.MISSING_HEADERS);
    assertThat(SVIX.verify(ID, TIMESTAMP, null, BODY, SENT)).isEqualTo(Result.MISSING_HEADERS);
  }
}
