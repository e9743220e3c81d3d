package dev.tessera.bench;

import dev.tessera.engine.points.ClusterIndex;
import dev.tessera.engine.points.ClusterOptions;
import dev.tessera.engine.points.LivePointIndex;
import dev.tessera.engine.points.PointChange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * JMH for engine/points on the data of {@code bench/places.sh} ({@code bench/target/places/<dataset>.bin}): index
 * build, one pass of queries over the committed viewports, and one edit made visible through the overlay. Run e.g.
 * {@code java -cp ... org.openjdk.jmh.Main ClusterBench -f 1 -wi 2 -i 5 -p dataset=cities}. Memory is reported by
 * {@link PlacesBench} (array sizes of the built index).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClusterBench {
  @Param({"cities"})
  public String dataset;

  double[] lon;
  double[] lat;
  List<double[]> viewports;
  ClusterIndex index;
  LivePointIndex live;
  int edits;

  @Setup
  public void load() throws IOException {
    ByteBuffer bytes =
        ByteBuffer.wrap(Files.readAllBytes(Path.of("bench/target/places/" + dataset + ".bin"))).order(ByteOrder.LITTLE_ENDIAN);
    double[] values = new double[bytes.remaining() / 8];
    bytes.asDoubleBuffer().get(values);
    lon = new double[values.length / 2];
    lat = new double[values.length / 2];
    List<PointChange.Upsert> points = new ArrayList<>(lon.length);
    for (int i = 0; i < lon.length; i++) {
      lon[i] = values[2 * i];
      lat[i] = values[2 * i + 1];
      points.add(new PointChange.Upsert(new UUID(0, i), lon[i], lat[i], null));
    }
    viewports = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("bench/src/main/resources/places-viewports.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        viewports.add(Arrays.stream(line.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray());
      }
    }
    index = ClusterIndex.build(lon, lat, lon.length, ClusterOptions.defaults());
    this.points = points;
  }

  List<PointChange.Upsert> points;

  /** A fresh live index per iteration: merges never run here, so the overlay grows by one point per call. */
  @Setup(Level.Iteration)
  public void freshLiveIndex() {
    live = LivePointIndex.build(points, ClusterOptions.defaults(), task -> {});
    edits = 0;
  }

  @Benchmark
  public ClusterIndex build() {
    return ClusterIndex.build(lon, lat, lon.length, ClusterOptions.defaults());
  }

  /** All committed viewports once: divide by their number (47) for one getClusters. */
  @Benchmark
  public void queryAllViewports(Blackhole hole) {
    for (double[] vp : viewports) {
      index.query(vp[1], vp[2], vp[3], vp[4], index.level(vp[0]), item -> {
        hole.consume(item);
        return true;
      });
    }
  }

  /** Moves one point and answers the world view at zoom 2: the edit is in that answer. */
  @Benchmark
  public void moveOnePointThenQuery(Blackhole hole) {
    int i = edits++ % lon.length;
    live.apply(List.of(new PointChange.Upsert(new UUID(0, i), lon[i] * 0.5, lat[i] * 0.5, null)));
    live.query(-180, -90, 180, 90, 2, place -> {
      hole.consume(place);
      return true;
    });
  }
}
