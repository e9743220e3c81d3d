package dev.tessera.server.feature;

import dev.tessera.engine.geojson.GeoJsonFeature;
import dev.tessera.server.problem.ApiException;
import java.util.NoSuchElementException;

/**
 * A {@link FeatureSource} over numbered rows (CSV, Parquet): a bad row fails the import with its number, or is
 * skipped and counted when the import asked for that. Used by one thread.
 */
abstract class RowFeatures implements FeatureSource {
  private final boolean skipInvalid;
  private GeoJsonFeature next;
  private long nextRow;
  private long skipped;
  protected long repaired;

  RowFeatures(boolean skipInvalid) {
    this.skipInvalid = skipInvalid;
  }

  /** Moves to the next row; false at the end. */
  protected abstract boolean advance();

  /** The current row's number, as the user would count it. */
  protected abstract long row();

  /** The current row as a feature; an {@link ApiException} naming the row if it is bad. */
  protected abstract GeoJsonFeature feature();

  @Override
  public final boolean hasNext() {
    while (next == null) {
      if (!advance()) {
        return false;
      }
      try {
        next = feature();
        nextRow = row();
      } catch (ApiException e) {
        if (!skipInvalid) {
          throw e;
        }
        skipped++;
      }
    }
    return true;
  }

  @Override
  public final GeoJsonFeature next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    GeoJsonFeature f = next;
    next = null;
    return f;
  }

  @Override
  public long skippedCount() {
    return skipped;
  }

  @Override
  public long repairedCount() {
    return repaired;
  }

  /** The row of the feature last returned: the importer locates problems with the feature it holds. */
  @Override
  public ApiException locate(ApiException problem, long index) {
    return problem.with("row", nextRow);
  }
}
