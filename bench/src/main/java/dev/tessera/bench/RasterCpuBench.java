package dev.tessera.bench;

import dev.tessera.engine.raster.BlockCache;
import dev.tessera.engine.raster.Cog;
import dev.tessera.engine.raster.Colormap;
import dev.tessera.engine.raster.ImageFormat;
import dev.tessera.engine.raster.RasterRenderer;
import dev.tessera.engine.raster.RenderOptions;
import dev.tessera.engine.raster.Resampling;
import dev.tessera.engine.tile.TileCoord;
import io.tileverse.rangereader.file.FileRangeReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU time of one uncached raster tile, in process: every tile of {@link RasterTileList} rendered by the engine
 * (read → warp → colour → PNG) from the two benchmark COGs with no block cache (each tile reads and decodes its
 * internal tiles afresh), measured as the CPU time of the rendering thread and the engine's block decoder threads,
 * which other processes on a shared machine barely disturb (wall clock, also printed, would). Passes 1…n-1 warm the JIT, the last one is reported: p50 / p95 / max per COG,
 * plus internal tiles and bytes read per output tile. Run: {@code java -cp <bench classpath>
 * dev.tessera.bench.RasterCpuBench [passes] [format]} after {@code bench/raster/make-cogs.sh}.
 */
public final class RasterCpuBench {
  private RasterCpuBench() {}

  public static void main(String[] args) throws Exception {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    ImageFormat format = args.length > 1 ? ImageFormat.valueOf(args[1].toUpperCase(Locale.ROOT)) : ImageFormat.PNG;
    Path cogs = Path.of(System.getProperty("cogs", "bench/target/raster"));
    List<String> tiles = RasterTileList.load();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (String name : RasterBench.FILES.keySet()) {
      RenderOptions options = name.equals("sst")
          ? new RenderOptions(null, null, new double[][] {{0, 30}}, Colormap.named("viridis"), null, true,
              Resampling.NEAREST, format, 256)
          : new RenderOptions(null, null, null, null, null, true, Resampling.NEAREST, format, 256);
      try (Cog cog = Cog.open(FileRangeReader.of(cogs.resolve(RasterBench.FILES.get(name))), name,
          new BlockCache(0))) {
        for (int pass = 1; pass <= passes; pass++) {
          List<Double> ms = new ArrayList<>();
          List<Double> wall = new ArrayList<>();
          List<Double> internal = new ArrayList<>();
          List<Double> kib = new ArrayList<>();
          for (String line : tiles) {
            if (!line.startsWith(name + " ")) {
              continue;
            }
            String[] zxy = line.split(" ")[1].split("/");
            TileCoord coord = TileCoord.of(Integer.parseInt(zxy[0]), Integer.parseInt(zxy[1]),
                Integer.parseInt(zxy[2]));
            long tilesBefore = cog.tilesRead();
            long bytesBefore = cog.bytesRead();
            long t0 = cpuTime(cpu);
            long w0 = System.nanoTime();
            byte[] image = RasterRenderer.tile(cog, coord, options);
            long w1 = System.nanoTime();
            long t1 = cpuTime(cpu);
            if (image != null) {
              ms.add((t1 - t0) / 1e6);
              wall.add((w1 - w0) / 1e6);
              internal.add((double) (cog.tilesRead() - tilesBefore));
              kib.add((cog.bytesRead() - bytesBefore) / 1024.0);
            }
          }
          if (pass == passes) {
            double[] t = sorted(ms);
            double[] wt = sorted(wall);
            double[] it = sorted(internal);
            double[] kb = sorted(kib);
            System.out.printf(Locale.ROOT, "%s %s: %d tiles with data, CPU ms per tile mean %.2f p50 %.2f p95 %.2f "
                    + "max %.2f (wall p50 %.2f p95 %.2f); internal tiles p50 %.0f p95 %.0f max %.0f; KiB read p50 %.0f "
                    + "p95 %.0f%n", name, format,
                t.length, mean(t), TileBench.pct(t, 0.5), TileBench.pct(t, 0.95), t[t.length - 1],
                TileBench.pct(wt, 0.5), TileBench.pct(wt, 0.95),
                TileBench.pct(it, 0.5), TileBench.pct(it, 0.95), it[it.length - 1], TileBench.pct(kb, 0.5),
                TileBench.pct(kb, 0.95));
          }
        }
      }
    }
  }

  /** CPU time of this thread and of the engine's block decoders ({@code cog-decoder-*}), which work for it. */
  private static long cpuTime(ThreadMXBean cpu) {
    long sum = cpu.getCurrentThreadCpuTime();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("cog-decoder-")) {
        sum += Math.max(0, cpu.getThreadCpuTime(t.threadId()));
      }
    }
    return sum;
  }

  private static double[] sorted(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / Math.max(1, values.length);
  }
}
