package dev.tessera.engine.points;

import java.util.Objects;
import java.util.UUID;

/** An insert, move or delete of one point, applied to a {@link LivePointIndex}. */
public sealed interface PointChange {
  UUID id();

  /** Inserts the point, or moves/replaces it if the id is known. */
  record Upsert(UUID id, double lon, double lat, Object payload) implements PointChange {
    public Upsert {
      Objects.requireNonNull(id, "id");
      if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
        throw new IllegalArgumentException("point " + id + " is outside the world: " + lon + ", " + lat);
      }
    }
  }

  record Remove(UUID id) implements PointChange {
    public Remove {
      Objects.requireNonNull(id, "id");
    }
  }
}
