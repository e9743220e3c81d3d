package dev.tessera.bench;

import dev.tessera.engine.points.ClusterIndex;
import dev.tessera.engine.points.ClusterOptions;
import dev.tessera.engine.points.LivePointIndex;
import dev.tessera.engine.points.PointChange;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine side of bench/places.sh, run after bench/places/peer.mjs on the same points and viewports: builds
 * {@link ClusterIndex} and the server's {@link LivePointIndex} (median of 3 after a warm-up build, wall and process
 * CPU time), times getClusters-equivalent queries over the committed
 * viewports (50 rounds after 20 warm-up rounds), counts items per viewport against supercluster's, and reports the
 * index's bytes per point. A plain main rather than JMH so that both sides run the same rounds in one script.
 */
public final class PlacesBench {
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "bench/target/places");
    List<double[]> viewports = new ArrayList<>();
    for (String line :
        Files.readAllLines(Path.of(args.length > 1 ? args[1] : "bench/src/main/resources/places-viewports.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        viewports.add(Arrays.stream(line.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray());
      }
    }
    String peer = Files.readString(dir.resolve("supercluster.json"));
    for (String name : List.of("cities", "synthetic")) {
      double[] lonlat = read(dir.resolve(name + ".bin"));
      int n = lonlat.length / 2;
      double[] lon = new double[n];
      double[] lat = new double[n];
      for (int i = 0; i < n; i++) {
        lon[i] = lonlat[2 * i];
        lat[i] = lonlat[2 * i + 1];
      }
      ClusterOptions options = ClusterOptions.defaults();
      ClusterIndex index = ClusterIndex.build(lon, lat, n, options);
      double[] builds = new double[3];
      double[] cpu = new double[3];
      for (int run = 0; run < 3; run++) {
        long t = System.nanoTime();
        long c = processCpuNanos();
        index = ClusterIndex.build(lon, lat, n, options);
        cpu[run] = (processCpuNanos() - c) / 1e6;
        builds[run] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(builds);
      Arrays.sort(cpu);
      double[] live = liveBuildCpu(lon, lat, n, options);
      int[] counts = new int[viewports.size()];
      for (int round = 0; round < 70; round++) {
        for (int v = 0; v < viewports.size(); v++) {
          counts[v] = count(index, viewports.get(v));
        }
      }
      double[] times = new double[50 * viewports.size()];
      int k = 0;
      for (int round = 0; round < 50; round++) {
        for (double[] vp : viewports) {
          long t = System.nanoTime();
          count(index, vp);
          times[k++] = (System.nanoTime() - t) / 1e6;
        }
      }
      Arrays.sort(times);
      int[] peerCounts = peerCounts(peer, name);
      int same = 0;
      for (int v = 0; v < counts.length; v++) {
        same += counts[v] == peerCounts[v] ? 1 : 0;
      }
      System.out.printf(
          Locale.ROOT,
          "%s: %d points | Tessera build %.0f ms, CPU %.0f ms; with ids and payloads (LivePointIndex) %.0f ms, CPU %.0f ms"
              + " (supercluster %s ms, CPU %s ms) | query p50 %.4f ms p95 %.4f ms"
              + " (supercluster p50 %s p95 %s ms) | index %.1f bytes/point (%d items; supercluster heap %s bytes/point)"
              + " | item counts equal to supercluster's in %d of %d viewports%n",
          name, n, builds[1], cpu[1], live[0], live[1], field(peer, name, "buildMsMedian"),
          field(peer, name, "buildCpuMsMedian"), times[times.length / 2],
          times[(int) (times.length * 0.95)], field(peer, name, "queryMsP50"), field(peer, name, "queryMsP95"),
          (double) index.bytes() / n, index.itemCount(), field(peer, name, "heapBytesPerPoint"), same, counts.length);
    }
  }

  /**
   * CPU time of the whole process (every thread: the build's, the JIT's, the GC's), as peer.mjs takes
   * process.cpuUsage(): on a shared machine it moves far less than wall time.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Median wall and CPU ms of 3 builds of the server's index: clusters plus ids, payloads and the id lookup. */
  private static double[] liveBuildCpu(double[] lon, double[] lat, int n, ClusterOptions options) {
    List<PointChange.Upsert> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      points.add(new PointChange.Upsert(new UUID(0x0190_0000_0000_7000L + i * 4099L, i), lon[i], lat[i], null));
    }
    LivePointIndex.build(points, options, Runnable::run);
    double[] wall = new double[3];
    double[] cpu = new double[3];
    for (int run = 0; run < 3; run++) {
      long t = System.nanoTime();
      long c = processCpuNanos();
      LivePointIndex.build(points, options, Runnable::run);
      cpu[run] = (processCpuNanos() - c) / 1e6;
      wall[run] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[] {wall[1], cpu[1]};
  }

  private static int count(ClusterIndex index, double[] vp) {
    int[] n = {0};
    index.query(vp[1], vp[2], vp[3], vp[4], index.level(vp[0]), item -> {
      n[0]++;
      return true;
    });
    return n[0];
  }

  private static double[] read(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    double[] values = new double[bytes.remaining() / 8];
    bytes.asDoubleBuffer().get(values);
    return values;
  }

  /** One number of the peer's JSON (a flat structure written by peer.mjs), rounded for the table. */
  private static String field(String json, String dataset, String name) {
    Matcher m = Pattern.compile("\"" + dataset + "\":\\{[^}]*?\"" + name + "\":([0-9.eE+-]+)").matcher(json);
    return m.find() ? String.format(Locale.ROOT, "%.4g", Double.parseDouble(m.group(1))) : "?";
  }

  private static int[] peerCounts(String json, String dataset) {
    Matcher m = Pattern.compile("\"" + dataset + "\":\\{[^}]*?\"counts\":\\[([0-9,]*)]").matcher(json);
    if (!m.find()) {
      return new int[0];
    }
    return Arrays.stream(m.group(1).split(",")).mapToInt(Integer::parseInt).toArray();
  }
}
