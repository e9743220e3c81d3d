package dev.tessera.engine.geojson;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;

/**
 * A GeoJSON {@code coordinates} value parsed without knowing the geometry type (members may come in any order, so
 * {@code type} can follow {@code coordinates}). Z values are already dropped.
 */
sealed interface Coords {
  /** {@code []}: an empty geometry, or an empty position where one is not allowed. */
  enum Empty implements Coords {
    INSTANCE
  }

  /** A single position, e.g. the coordinates of a Point. */
  record Position(double x, double y) implements Coords {}

  /** An array of positions, kept as JTS coordinates ready for a coordinate sequence. */
  final class Positions implements Coords {
    private Coordinate[] items = new Coordinate[8];
    private int size;

    void add(double x, double y) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = new CoordinateXY(x, y);
    }

    int size() {
      return size;
    }

    Coordinate get(int i) {
      return items[i];
    }

    Coordinate[] toArray() {
      return size == items.length ? items : Arrays.copyOf(items, size);
    }
  }

  /** A non-empty array of arrays that are not positions (rings, lines, polygons); owned, not copied. */
  record Nested(List<Coords> children) implements Coords {
    public Nested {
      if (children.isEmpty()) {
        throw new IllegalArgumentException("an empty array is Coords.Empty");
      }
    }
  }
}
