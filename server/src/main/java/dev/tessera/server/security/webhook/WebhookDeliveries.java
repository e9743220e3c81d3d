package dev.tessera.server.security.webhook;

import dev.tessera.server.store.Rows;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Message ids of webhook deliveries already processed, kept a little longer than the signature's timestamp
 * tolerance: a replay within the tolerance is recognised here, a later one fails the timestamp check. Thread-safe.
 */
@Repository
class WebhookDeliveries {
  private static final Duration KEPT = SvixSignature.TOLERANCE.multipliedBy(12);
  private final JdbcTemplate jdbc;

  WebhookDeliveries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the delivery; false if it was recorded before (a replay or a retry of a processed delivery). */
  boolean recordFirst(String id, Instant at) {
    jdbc.update("DELETE FROM webhook_deliveries WHERE received_at < ?", Rows.timestamp(at.minus(KEPT)));
    if (Boolean.TRUE.equals(
        jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = ?)", Boolean.class, id))) {
      return false;
    }
    try {
      jdbc.update("INSERT INTO webhook_deliveries (id, received_at) VALUES (?, ?)", id, Rows.timestamp(at));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }
}
