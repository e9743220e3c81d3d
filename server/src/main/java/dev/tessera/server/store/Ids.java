package dev.tessera.server.store;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDs (RFC 9562 version 7) that also increase within one millisecond (the 12 rand_a bits are a
 * counter, RFC 9562 §6.2 method 1): new rows land at the end of the primary-key index, and paging by id returns
 * features in the order this process created them. Thread-safe.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Milliseconds shifted left by 12, plus the counter. */
  private static final AtomicLong LAST = new AtomicLong();

  private Ids() {}

  public static UUID newId() {
    long now = System.currentTimeMillis() << 12;
    long stamp = LAST.updateAndGet(last -> Math.max(last + 1, now));
    long msb = ((stamp >>> 12) << 16) | (0x7L << 12) | (stamp & 0xFFF);
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
