package dev.tessera.engine.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Turns one tile's clipped features into MVT: drops vertices whose Douglas-Peucker importance is at or below the
 * zoom's squared tolerance and parts smaller than the tolerance, rounds to integer tile units, removes repeated points,
 * winds rings as MVT 2.1 wants (exterior positive by the surveyor's formula with y down, holes negative) and writes
 * command integers, after geojson-vt's {@code transform}/{@code tile} (ISC), Mapbox.
 *
 * <p><b>Validity guarantee.</b> Every polygon feature written is valid OGC in integer tile coordinates: rings closed,
 * at least 4 points, non-zero area, no self-intersection, holes inside their shell, shells disjoint except at points.
 * Simplification, rounding and clipping (which can make a ring run along the tile edge twice) can all break validity,
 * so every polygon feature other than a lone triangle is checked with JTS {@link IsValidOp} (cheap: about 1 ms for
 * 10 000 vertices); an invalid one is rebuilt by {@link PolygonRepair} (snap rounding and even-odd face tracing
 * on the integer grid, about 20 ms for a z0 tile of a 1.78M-vertex coastline), valid by construction (property-tested
 * against IsValidOp) or, where that method refuses the input, by JTS's snap rounding checked again; a polygon with no
 * valid repair is left out of the tile.
 *
 * <p>Not thread-safe: one instance per tile request.
 */
final class TileRenderer {
  private static final GeometryFactory GRID = new GeometryFactory(new PrecisionModel(1.0));

  private final MvtWriter writer;
  private final double scale;
  private final double originX;
  private final double originY;
  /** Squared tolerance for vertex importance; negative keeps every vertex (deeper than maxZoom). */
  private final double sqTolerance;
  private final double tolerance;
  private final long[] ids;
  private final int[][] attributes;
  private int[] cmd = new int[1024];
  private int cmdLength;
  private int[] ring = new int[1024];
  private int ringLength;
  /** Counts of polygon features checked and repaired, for measuring the validity guarantee's cost. */
  int checked;
  int repaired;


  TileRenderer(int z, int x, int y, TilerOptions options, long[] ids, AttributeDictionary dictionary,
      int[][] attributes, String layerName, int expectedFeatures) {
    this.writer = new MvtWriter(layerName, options.extent(), dictionary, expectedFeatures);
    double z2 = 1L << z;
    this.scale = z2 * options.extent();
    this.originX = (double) x * options.extent();
    this.originY = (double) y * options.extent();
    this.tolerance = z > options.maxZoom() ? 0 : options.tolerancePx() / scale;
    this.sqTolerance = z > options.maxZoom() ? -1 : tolerance * tolerance;
    this.ids = ids;
    this.attributes = attributes;
  }

  void add(TileFeature f) {
    cmdLength = 0;
    int type = switch (f.type) {
      case TileFeature.POINT -> addPoints(f.parts[0]);
      case TileFeature.LINE -> addLines(f);
      default -> addPolygons(f);
    };
    if (type != 0) {
      writer.addFeature(ids[f.source], attributes[f.source], type, cmd, cmdLength);
    }
  }

  byte[] finish() {
    return writer.finish();
  }

  private int addPoints(double[] p) {
    int n = p.length / 3;
    ensureCmd(1 + 2 * n);
    cmd[cmdLength++] = command(1, n);
    int cx = 0;
    int cy = 0;
    for (int i = 0; i < p.length; i += 3) {
      int px = tx(p[i]);
      int py = ty(p[i + 1]);
      cmd[cmdLength++] = zigzag(px - cx);
      cmd[cmdLength++] = zigzag(py - cy);
      cx = px;
      cy = py;
    }
    return MvtWriter.POINT;
  }

  private int addLines(TileFeature f) {
    int[] cursor = new int[2];
    for (int r = 0; r < f.parts.length; r++) {
      if (tolerance > 0 && f.sizes[r] < tolerance) {
        continue;
      }
      transform(f.parts[r], false);
      if (ringLength >= 4) {
        encodeLine(ring, ringLength, false, cursor);
      }
    }
    return cmdLength > 0 ? MvtWriter.LINESTRING : 0;
  }

  private int addPolygons(TileFeature f) {
    List<int[]> rings = new ArrayList<>();
    List<Boolean> outer = new ArrayList<>();
    boolean keepHoles = false;
    for (int r = 0; r < f.parts.length; r++) {
      boolean isOuter = f.outer[r];
      if (!isOuter && !keepHoles) {
        continue;
      }
      boolean kept = false;
      if (!(sqTolerance > 0 && f.sizes[r] < sqTolerance)) {
        transform(f.parts[r], true);
        long area2 = ringLength >= 8 ? area2(ring, ringLength) : 0;
        if (Math.abs(area2) >= 2) {
          int[] pts = Arrays.copyOf(ring, ringLength);
          if ((area2 > 0) != isOuter) {
            reverse(pts);
          }
          rings.add(pts);
          outer.add(isOuter);
          kept = true;
        }
      }
      if (isOuter) {
        keepHoles = kept;
      }
    }
    if (rings.isEmpty()) {
      return 0;
    }
    if (rings.size() > 1 || rings.get(0).length > 8) {
      checked++;
      Geometry g = toJts(rings, outer);
      if (!IsValidOp.isValid(g)) {
        repaired++;
        if (!repair(rings, outer)) {
          return 0;
        }
      }
    }
    int[] cursor = new int[2];
    for (int[] pts : rings) {
      encodeLine(pts, pts.length, true, cursor);
    }
    return cmdLength > 0 ? MvtWriter.POLYGON : 0;
  }

  /** Replaces {@code rings} with their valid, integer even-odd area; false if there is none. */
  private static boolean repair(List<int[]> rings, List<Boolean> outer) {
    Geometry fixed = PolygonRepair.evenOdd(rings);
    if (fixed.isEmpty()) {
      return false;
    }
    rings.clear();
    outer.clear();
    for (int i = 0; i < fixed.getNumGeometries(); i++) {
      if (!(fixed.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) {
        continue;
      }
      rings.add(fromJts(p.getExteriorRing(), true));
      outer.add(true);
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        rings.add(fromJts(p.getInteriorRingN(h), false));
        outer.add(false);
      }
    }
    return !rings.isEmpty();
  }

  private static Geometry toJts(List<int[]> rings, List<Boolean> outer) {
    List<Polygon> polygons = new ArrayList<>();
    LinearRing shell = null;
    List<LinearRing> holes = new ArrayList<>();
    for (int i = 0; i <= rings.size(); i++) {
      if (i == rings.size() || outer.get(i)) {
        if (shell != null) {
          polygons.add(GRID.createPolygon(shell, holes.toArray(LinearRing[]::new)));
          holes.clear();
        }
        if (i == rings.size()) {
          break;
        }
      }
      int[] pts = rings.get(i);
      double[] xy = new double[pts.length];
      for (int k = 0; k < pts.length; k++) {
        xy[k] = pts[k];
      }
      LinearRing r = GRID.createLinearRing(new PackedCoordinateSequence.Double(xy, 2, 0));
      if (outer.get(i)) {
        shell = r;
      } else {
        holes.add(r);
      }
    }
    return polygons.size() == 1 ? polygons.get(0) : GRID.createMultiPolygon(polygons.toArray(Polygon[]::new));
  }

  /** A JTS ring as flat integer x, y, wound for MVT: exterior positive area (y down), holes negative. */
  private static int[] fromJts(LinearRing r, boolean exterior) {
    Coordinate[] c = r.getCoordinates();
    int[] pts = new int[c.length * 2];
    for (int i = 0; i < c.length; i++) {
      pts[2 * i] = (int) Math.round(c[i].x);
      pts[2 * i + 1] = (int) Math.round(c[i].y);
    }
    // JTS counter-clockwise (y up) is a positive surveyor's area whichever way y points.
    if (Orientation.isCCW(r.getCoordinateSequence()) != exterior) {
      reverse(pts);
    }
    return pts;
  }

  /**
   * Filters, rounds and de-duplicates {@code part} into {@link #ring}; for a ring, also closes it. Vertices with
   * importance 1 (ends, cut points) always survive.
   */
  private void transform(double[] part, boolean closed) {
    ringLength = 0;
    if (ring.length < part.length) {
      ring = new int[part.length + 2];
    }
    int px = Integer.MIN_VALUE;
    int py = Integer.MIN_VALUE;
    for (int i = 0; i < part.length; i += 3) {
      if (part[i + 2] <= sqTolerance) {
        continue;
      }
      int x = tx(part[i]);
      int y = ty(part[i + 1]);
      if (x != px || y != py) {
        ring[ringLength++] = x;
        ring[ringLength++] = y;
        px = x;
        py = y;
      }
    }
    if (closed && ringLength >= 2 && (ring[0] != px || ring[1] != py)) {
      ring[ringLength++] = ring[0];
      ring[ringLength++] = ring[1];
    }
  }

  /** Writes a line (MoveTo, LineTo) or a closed ring (MoveTo, LineTo without the closing point, ClosePath). */
  private void encodeLine(int[] pts, int length, boolean closed, int[] cursor) {
    int n = length / 2 - (closed ? 1 : 0);
    ensureCmd(3 + 2 * n);
    int cx = cursor[0];
    int cy = cursor[1];
    for (int i = 0; i < n; i++) {
      if (i == 0) {
        cmd[cmdLength++] = command(1, 1);
      } else if (i == 1) {
        cmd[cmdLength++] = command(2, n - 1);
      }
      int x = pts[2 * i];
      int y = pts[2 * i + 1];
      cmd[cmdLength++] = zigzag(x - cx);
      cmd[cmdLength++] = zigzag(y - cy);
      cx = x;
      cy = y;
    }
    if (closed) {
      cmd[cmdLength++] = command(7, 1);
    }
    cursor[0] = cx;
    cursor[1] = cy;
  }

  /** Twice the surveyor's area of a closed ring of flat integer x, y (positive: clockwise with y down). */
  static long area2(int[] pts, int length) {
    long sum = 0;
    for (int i = 2; i < length; i += 2) {
      sum += (long) pts[i - 2] * pts[i + 1] - (long) pts[i] * pts[i - 1];
    }
    return sum;
  }

  private static void reverse(int[] pts) {
    for (int i = 0, j = pts.length - 2; i < j; i += 2, j -= 2) {
      int x = pts[i];
      int y = pts[i + 1];
      pts[i] = pts[j];
      pts[i + 1] = pts[j + 1];
      pts[j] = x;
      pts[j + 1] = y;
    }
  }

  private int tx(double x) {
    return (int) Math.round(x * scale - originX);
  }

  private int ty(double y) {
    return (int) Math.round(y * scale - originY);
  }

  private void ensureCmd(int more) {
    if (cmdLength + more > cmd.length) {
      cmd = Arrays.copyOf(cmd, Math.max(cmd.length * 2, cmdLength + more));
    }
  }

  private static int command(int id, int count) {
    return (id & 0x7) | (count << 3);
  }

  private static int zigzag(int v) {
    return (v << 1) ^ (v >> 31);
  }
}
