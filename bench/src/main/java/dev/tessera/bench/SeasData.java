package dev.tessera.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Builds the bulk-import data set: the Natural Earth 1:10m seas ({@code @geo-maps/earth-seas-10m}, one MultiPolygon of
 * 582 polygons, 1.78M vertices) cut into simple polygons of at most {@value #MAX_VERTICES} vertices the way PostGIS
 * {@code ST_Subdivide} does, written once as a GeoJSON FeatureCollection and cached.
 */
final class SeasData {
  static final int MAX_VERTICES = 256;
  private static final GeometryFactory GF = new GeometryFactory();
  private static final PrecisionModel GRID = new PrecisionModel(1e6);

  private SeasData() {}

  /** Returns the cached FeatureCollection file, building it (npm pack, untar, subdivide) when absent. */
  static Path featureCollection(Path dataDir) throws IOException, InterruptedException {
    Path out = dataDir.resolve("earth-seas-10m-subdivided.geojson");
    if (Files.exists(out)) {
      return out;
    }
    Files.createDirectories(dataDir);
    Path source = dataDir.resolve("package/map.geo.json");
    if (!Files.exists(source)) {
      run(dataDir, "npm", "pack", "@geo-maps/earth-seas-10m");
      try (var files = Files.list(dataDir)) {
        Path tgz = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst().orElseThrow();
        run(dataDir, "tar", "xzf", tgz.getFileName().toString());
      }
    }
    List<Polygon> polygons = readPolygons(source);
    Path tmp = dataDir.resolve(out.getFileName() + ".tmp");
    int[] count = {0};
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8),
        1 << 20)) {
      w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
      Consumer<Polygon> emit = p -> writeFeature(w, p, count[0]++);
      for (Polygon p : polygons) {
        subdivide(p, emit, 0);
      }
      w.write("\n]}\n");
    }
    Files.move(tmp, out);
    System.out.printf("built %s: %d polygons -> %d features%n", out, polygons.size(), count[0]);
    return out;
  }

  /** Recursively halves {@code g}'s envelope along its longer axis until every piece has ≤ MAX_VERTICES vertices. */
  static void subdivide(Geometry g, Consumer<Polygon> emit, int depth) {
    if (g.isEmpty()) {
      return;
    }
    if (g.getNumGeometries() > 1) {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        subdivide(g.getGeometryN(i), emit, depth);
      }
      return;
    }
    if (!(g instanceof Polygon p) || g.getArea() == 0) {
      return; // lines or points left over from an intersection
    }
    if (p.getNumPoints() <= MAX_VERTICES || depth > 40) {
      if (p.isValid()) {
        emit.accept(p);
      } else {
        subdivide(p.buffer(0), emit, depth + 1);
      }
      return;
    }
    Envelope e = p.getEnvelopeInternal();
    Envelope a;
    Envelope b;
    if (e.getWidth() >= e.getHeight()) {
      double mid = (e.getMinX() + e.getMaxX()) / 2;
      a = new Envelope(e.getMinX(), mid, e.getMinY(), e.getMaxY());
      b = new Envelope(mid, e.getMaxX(), e.getMinY(), e.getMaxY());
    } else {
      double mid = (e.getMinY() + e.getMaxY()) / 2;
      a = new Envelope(e.getMinX(), e.getMaxX(), e.getMinY(), mid);
      b = new Envelope(e.getMinX(), e.getMaxX(), mid, e.getMaxY());
    }
    for (Envelope half : List.of(a, b)) {
      subdivide(clip(p, GF.toGeometry(half)), emit, depth + 1);
    }
  }

  /**
   * Intersects with snap-rounding on a 1e-6° grid (the source has 5 decimals, so its vertices stay put): unlike the
   * floating-point overlay it does not fail on the source's slightly invalid rings, and it avoids buffer(0) on
   * polygons of a million vertices, which takes minutes. When the source polygon's topology is broken (holes
   * crossing the shell) the rings are clipped one by one and the holes subtracted, which yields a valid result.
   */
  private static Geometry clip(Polygon p, Geometry box) {
    try {
      return OverlayNG.overlay(p, box, OverlayNG.INTERSECTION, GRID);
    } catch (TopologyException e) {
      Geometry shell = clipRing(p.getExteriorRing(), box);
      List<Geometry> holes = new ArrayList<>();
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        LinearRing hole = p.getInteriorRingN(i);
        if (hole.getEnvelopeInternal().intersects(box.getEnvelopeInternal())) {
          holes.add(clipRing(hole, box));
        }
      }
      return holes.isEmpty() ? shell : OverlayNGRobust.overlay(shell, OverlayNGRobust.union(GF.buildGeometry(holes)),
          OverlayNG.DIFFERENCE);
    }
  }

  /** The polygonal part of the ring's area inside the box (lines and points from touching edges dropped). */
  private static Geometry clipRing(LinearRing ring, Geometry box) {
    Polygon poly = GF.createPolygon(ring);
    Geometry g;
    try {
      g = OverlayNG.overlay(poly, box, OverlayNG.INTERSECTION, GRID);
    } catch (TopologyException e) { // a self-intersecting ring
      g = OverlayNG.overlay(poly.buffer(0), box, OverlayNG.INTERSECTION, GRID);
    }
    return GF.buildGeometry(PolygonExtracter.getPolygons(g));
  }

  /** Streams the polygons of the GeometryCollection's MultiPolygon(s) out of the 37 MB file. */
  static List<Polygon> readPolygons(Path source) {
    List<Polygon> result = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(source.toFile())) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.PROPERTY_NAME && p.currentName().equals("coordinates")) {
          p.nextToken(); // [ polygons
          while (p.nextToken() == JsonToken.START_ARRAY) {
            List<LinearRing> rings = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_ARRAY) {
              List<Coordinate> ring = new ArrayList<>();
              while (p.nextToken() == JsonToken.START_ARRAY) {
                p.nextToken();
                double x = p.getDoubleValue();
                p.nextToken();
                double y = p.getDoubleValue();
                while (p.nextToken() != JsonToken.END_ARRAY) {} // optional z
                ring.add(new Coordinate(x, y));
              }
              rings.add(GF.createLinearRing(ring.toArray(Coordinate[]::new)));
            }
            result.add(GF.createPolygon(rings.getFirst(), rings.subList(1, rings.size()).toArray(LinearRing[]::new)));
          }
        }
      }
    }
    return result;
  }

  private static void writeFeature(Writer w, Polygon p, int i) {
    try {
      if (i > 0) {
        w.write(",\n");
      }
      w.write("{\"type\":\"Feature\",\"properties\":{\"i\":" + i
          + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[");
      for (int r = 0; r <= p.getNumInteriorRing(); r++) {
        w.write(r == 0 ? "[" : ",[");
        Coordinate[] cs = (r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1)).getCoordinates();
        for (int c = 0; c < cs.length; c++) {
          w.write((c == 0 ? "[" : ",[") + cs[c].x + "," + cs[c].y + "]");
        }
        w.write("]");
      }
      w.write("]}}");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process proc = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    if (proc.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed with exit code " + proc.exitValue());
    }
  }
}
