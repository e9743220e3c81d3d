package dev.tessera.server.feature;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * Imports running on this node, per layer, so a client can follow a long one ({@code GET /api/layers/{id}/import})
 * while its POST streams: bytes read so far and features stored so far. One import per layer at a time holds the
 * layer lock anyway. Thread-safe.
 */
@Component
class ImportProgress {
  /** A running import's progress. */
  record Running(String format, Instant startedAt, AtomicLong bytesRead, AtomicLong imported) {}

  private final Map<UUID, Running> running = new ConcurrentHashMap<>();

  /** Starts tracking; the returned stream counts bytes, the consumer counts stored features. */
  Tracked start(UUID layerId, String format, InputStream body) {
    Running r = new Running(format, Instant.now(), new AtomicLong(), new AtomicLong());
    // A second import of the same layer waits for the first's lock: the first stays the one reported.
    running.putIfAbsent(layerId, r);
    return new Tracked(new CountingStream(body, r.bytesRead()), r.imported()::set, () -> running.remove(layerId, r));
  }

  Optional<Running> of(UUID layerId) {
    return Optional.ofNullable(running.get(layerId));
  }

  /** What an import reads from and reports to; {@link #close()} stops tracking. */
  record Tracked(InputStream body, LongConsumer progress, Runnable done) implements AutoCloseable {
    @Override
    public void close() {
      done.run();
    }
  }

  private static final class CountingStream extends FilterInputStream {
    private final AtomicLong count;

    CountingStream(InputStream in, AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }
  }
}
