package dev.tessera.server.feature;

import dev.tessera.engine.geojson.GeoJsonFeature;
import dev.tessera.engine.geojson.GeoJsonFeatureReader;
import dev.tessera.server.problem.ApiException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Parses and validates GeoJSON on a second (virtual) thread while the importing thread writes the previous chunks
 * to the database: parsing and JTS validation are about half of an import's CPU, so the two overlap. Memory stays
 * bounded ({@value #QUEUED_CHUNKS} chunks of {@value #CHUNK} features). The first parse error is rethrown to the
 * consumer unchanged. Used by one consumer thread; {@link #close()} stops the reader.
 */
final class ReadAheadFeatures implements FeatureSource {
  static final int CHUNK = 256;
  static final int QUEUED_CHUNKS = 8;

  private record Chunk(List<GeoJsonFeature> features, boolean singleFeature, RuntimeException failure, boolean last) {}

  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
  private final GeoJsonFeatureReader reader;
  private final Thread producer;
  private Iterator<GeoJsonFeature> current = List.<GeoJsonFeature>of().iterator();
  private boolean singleFeature;
  private boolean finished;

  private ReadAheadFeatures(InputStream body, boolean repairInvalid) {
    this.reader = GeoJsonFeatureReader.open(body, repairInvalid);
    this.producer = Thread.ofVirtual().name("geojson-read-ahead").start(this::produce);
  }

  static ReadAheadFeatures open(InputStream body, boolean repairInvalid) {
    return new ReadAheadFeatures(body, repairInvalid);
  }

  private void produce() {
    try {
      List<GeoJsonFeature> chunk = new ArrayList<>(CHUNK);
      while (reader.hasNext()) {
        chunk.add(reader.next());
        if (chunk.size() == CHUNK) {
          queue.put(new Chunk(chunk, reader.singleFeature(), null, false));
          chunk = new ArrayList<>(CHUNK);
        }
      }
      queue.put(new Chunk(chunk, reader.singleFeature(), null, true));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      try {
        queue.put(new Chunk(List.of(), false, e, true));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (finished) {
        return false;
      }
      Chunk chunk;
      try {
        chunk = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading GeoJSON", e);
      }
      if (chunk.failure() != null) {
        finished = true;
        throw chunk.failure();
      }
      singleFeature = chunk.singleFeature();
      finished = chunk.last();
      current = chunk.features().iterator();
    }
    return true;
  }

  @Override
  public GeoJsonFeature next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  /** How many geometries were repaired; final once every feature was returned (the queue orders it after them). */
  @Override
  public long repairedCount() {
    return reader.repairedCount();
  }

  /** Whether the document was a single Feature; known once a feature was returned. */
  @Override
  public boolean singleFeature() {
    return singleFeature;
  }

  @Override
  public ApiException locate(ApiException problem, long index) {
    return problem
        .with("feature_index", index)
        .with("pointer", singleFeature ? "/geometry" : "/features/" + index + "/geometry");
  }

  @Override
  public void close() {
    producer.interrupt();
    reader.close();
    try {
      producer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
