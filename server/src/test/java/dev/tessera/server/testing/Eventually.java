package dev.tessera.server.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for something the server does on its own time (a background build, a file's version looked at again once a
 * second, a dropped connection noticed at the next heartbeat): the value is read again every {@code 100 ms} until it
 * satisfies the condition or the limit passes. The caller asserts on what comes back, so a timeout fails with the
 * value seen last.
 */
public final class Eventually {
  private static final long POLL_MILLIS = 100;

  private Eventually() {}

  public static <T> T until(Duration limit, Supplier<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + limit.toNanos();
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL_MILLIS); // the one poll interval of the test suite's waits for the server
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return value;
      }
      value = read.get();
    }
    return value;
  }
}
