package dev.tessera.engine.vector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.noding.NodedSegmentString;
import org.locationtech.jts.noding.SegmentString;
import org.locationtech.jts.noding.snapround.SnapRoundingNoder;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Makes a valid polygonal geometry on the integer grid out of rings that simplification, rounding and clipping left
 * self-intersecting, overlapping or running along each other, by the even-odd rule: a point is inside when a ray from
 * it crosses the rings an odd number of times. Three linear steps, no overlay:
 *
 * <ol>
 *   <li>snap-round all rings together on the unit grid ({@link SnapRounder}, after Hobby's snap rounding): every
 *       crossing becomes a node, every vertex an integer, and no two segments cross any more;
 *   <li>drop every segment that occurs an even number of times (a ring doubling back along a tile edge, a hole
 *       sharing an edge with its shell): under even-odd such a segment separates nothing;
 *   <li>trace the faces of what is left and keep the inside ones ({@link EvenOddFaces}): under even-odd every remaining
 *       edge has inside on exactly one side.
 * </ol>
 *
 * <pre>
 *   a bow-tie made by simplification     a hole pushed across its shell        a ring run up and back down
 *      +-----+        +--+  +--+          +---------+      +---------+          +-----+-----+   +-----------+
 *       \   /          \ |  | /           |   +--+  |  ->  |   +--+  +-+        |     |     |   |           |
 *        \ /    ->      \|  |/            |   |  |  |      |   |  |  | |        |     +--+  |-> |     +--+  |
 *        / \            (two triangles,   +---+--+--+      +---+  +--+-+        +-----+  +--+   +-----+  +--+
 *       +---+            touching)        (the overhang becomes filled)         (the doubled edge cancels)
 * </pre>
 *
 * The differences from the intended area are slivers of the size of the simplification tolerance. Measured on the z0
 * tile of the Natural Earth seas (36k segments; docs/benchmarks.md): GeometryFixer took 2-3 s; JTS's
 * {@code SnapRoundingNoder} + {@code Polygonizer} on the same three steps about 300 ms; the grid method here about
 * 20 ms, because it works on primitive arrays with exact integer arithmetic and a bucket grid. The JTS version stays as
 * the fallback for the rare input the grid method refuses (it checks its own preconditions and throws) and as the
 * oracle in the tests.
 *
 * <p>Stateless and thread-safe.
 */
final class PolygonRepair {
  private static final PrecisionModel UNIT = new PrecisionModel(1.0);
  private static final GeometryFactory GRID = new GeometryFactory(UNIT);

  private PolygonRepair() {}

  /**
   * The even-odd area of {@code rings} (flat integer x, y, closed) as Polygon or MultiPolygon with integer
   * coordinates, valid (by construction, or checked for the fallback), or an empty geometry when nothing is left or
   * no valid result was found.
   */
  static Geometry evenOdd(List<int[]> rings) {
    try {
      // Valid by construction, not checked again: a JTS validity check of the result cost more than the repair (44 %
      // of the CPU of serving the seas tiles uncached), and on the 2,066 repairs of 5,871 seas tiles (z0-z6 and the
      // bench list) it never failed. The grid method checks its own preconditions and throws where they fail, and
      // the property tests check its output against JTS's IsValidOp on random tangles.
      return evenOddGrid(rings);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // coordinates beyond the packed range, or input the grid method cannot take: use the general one
    }
    try {
      Geometry slow = evenOddJts(rings);
      if (IsValidOp.isValid(slow)) {
        return slow;
      }
    } catch (RuntimeException e) {
      // JTS's noder gave up (it can, on near-degenerate input): there is no valid result to offer
    }
    return GRID.createPolygon();
  }

  /** The grid method alone: own snap rounding, then faces traced on the half-edge graph; may be invalid or throw. */
  static Geometry evenOddGrid(List<int[]> rings) {
    return toGeometry(EvenOddFaces.polygons(SnapRounder.oddFragments(rings)));
  }

  /** The same with JTS's general snap-rounding noder and polygonizer: slower, kept as the fallback and test oracle. */
  static Geometry evenOddJts(List<int[]> rings) {
    List<SegmentString> input = new ArrayList<>(rings.size());
    for (int[] pts : rings) {
      Coordinate[] c = new Coordinate[pts.length / 2];
      for (int i = 0; i < c.length; i++) {
        c[i] = new Coordinate(pts[2 * i], pts[2 * i + 1]);
      }
      input.add(new NodedSegmentString(c, null));
    }
    SnapRoundingNoder noder = new SnapRoundingNoder(UNIT);
    noder.computeNodes(input);
    // Toggle each undirected unit of linework: what occurs an even number of times cancels.
    Set<Segment> odd = new HashSet<>();
    for (Object o : noder.getNodedSubstrings()) {
      SegmentString s = (SegmentString) o;
      Coordinate[] c = s.getCoordinates();
      for (int i = 1; i < c.length; i++) {
        Segment seg = Segment.of((int) c[i - 1].x, (int) c[i - 1].y, (int) c[i].x, (int) c[i].y);
        if (seg != null && !odd.add(seg)) {
          odd.remove(seg);
        }
      }
    }
    List<LineString> lines = new ArrayList<>(odd.size());
    for (Segment s : odd) {
      lines.add(GRID.createLineString(new Coordinate[] {new Coordinate(s.x0, s.y0), new Coordinate(s.x1, s.y1)}));
    }
    Polygonizer polygonizer = new Polygonizer(true);
    polygonizer.add(lines);
    Geometry result = polygonizer.getGeometry();
    // The polygonizer walks JTS PlanarGraph's identity-hashed sets, so its ring order and start points vary from run
    // to run; normalizing makes the tile's bytes the same every time (ConcurrentTilesTest).
    result.normalize();
    return result;
  }

  private static Geometry toGeometry(List<List<int[]>> polygons) {
    Polygon[] out = new Polygon[polygons.size()];
    for (int i = 0; i < out.length; i++) {
      List<int[]> rings = polygons.get(i);
      LinearRing[] holes = new LinearRing[rings.size() - 1];
      for (int h = 0; h < holes.length; h++) {
        holes[h] = ring(rings.get(h + 1));
      }
      out[i] = GRID.createPolygon(ring(rings.get(0)), holes);
    }
    return out.length == 1 ? out[0] : GRID.createMultiPolygon(out);
  }

  private static LinearRing ring(int[] pts) {
    double[] xy = new double[pts.length];
    for (int k = 0; k < pts.length; k++) {
      xy[k] = pts[k];
    }
    return GRID.createLinearRing(new PackedCoordinateSequence.Double(xy, 2, 0));
  }

  /** An undirected segment between two distinct grid points, its ends in a canonical order. */
  private record Segment(int x0, int y0, int x1, int y1) {
    static Segment of(int ax, int ay, int bx, int by) {
      if (ax == bx && ay == by) {
        return null;
      }
      return ax < bx || (ax == bx && ay < by) ? new Segment(ax, ay, bx, by) : new Segment(bx, by, ax, ay);
    }
  }
}
