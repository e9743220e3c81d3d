package dev.tessera.server.feature;

import dev.tessera.engine.geojson.GeoJsonFeature;
import dev.tessera.server.problem.ApiException;
import java.util.Iterator;

/**
 * Features read from an upload (GeoJSON, CSV, GeoParquet), one at a time, for an all-or-nothing import. Errors in
 * the input are {@link ApiException}s that name where they are (pointer, row). Used by one thread.
 */
interface FeatureSource extends Iterator<GeoJsonFeature>, AutoCloseable {

  /** Whether the upload was one GeoJSON Feature (answered with the feature rather than a summary). */
  default boolean singleFeature() {
    return false;
  }

  /** Geometries repaired because the import asked for it. */
  default long repairedCount() {
    return 0;
  }

  /** Rows left out because the import asked to skip bad rows rather than fail. */
  default long skippedCount() {
    return 0;
  }

  /** Adds to {@code problem} where the feature with this index (0-based, in the order returned) came from. */
  ApiException locate(ApiException problem, long index);

  @Override
  void close();
}
