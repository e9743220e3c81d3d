package dev.tessera.engine.raster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * Runs the fetch-and-decode of the internal tiles under one output tile side by side: an uncached tile of the
 * benchmark's float32 COG spends most of its time inflating 2–4 blocks of 1 MiB each, one after the other, while the
 * other core idles (GDAL likewise decodes blocks in threads with GDAL_NUM_THREADS). One daemon pool per JVM, a thread
 * per processor. The calling thread works too: it runs the first task, then every task no pool thread has started
 * yet, so a busy pool never makes a tile wait longer than decoding it alone would. Thread-safe.
 */
final class Decoders {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(
      Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().daemon().name("cog-decoder-", 0).factory());

  private Decoders() {}

  /** Runs every task, some on the pool, and returns when all are done; a task's exception is rethrown. */
  static void runAll(List<Runnable> tasks) {
    if (tasks.size() < 2) {
      tasks.forEach(Runnable::run);
      return;
    }
    List<FutureTask<Void>> futures = new ArrayList<>(tasks.size());
    for (Runnable task : tasks) {
      futures.add(new FutureTask<>(task, null));
    }
    for (int i = 1; i < futures.size(); i++) {
      POOL.execute(futures.get(i));
    }
    for (FutureTask<Void> f : futures) {
      f.run(); // a no-op for a task a pool thread has started or finished
    }
    for (FutureTask<Void> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RasterException.io("interrupted while decoding internal tiles", e);
      }
    }
  }
}
