package dev.tessera.engine.raster;

import java.util.Arrays;

/**
 * Statistics of one band over its valid pixels, as TiTiler's {@code /statistics} reports them.
 *
 * @param percentiles the values at {@code percentileRanks} (nearest rank on the sorted values)
 * @param histogramCounts pixels per bin of {@code histogramEdges} (bins + 1 edges, equal width from min to max)
 */
public record BandStatistics(
    int band,
    String description,
    double min,
    double max,
    double mean,
    double std,
    long count,
    long validPixels,
    long totalPixels,
    double[] percentileRanks,
    double[] percentiles,
    long[] histogramCounts,
    double[] histogramEdges) {

  /**
   * Statistics of {@code band} (1-based) from a window; {@code ranks} percentile ranks in 0…100, {@code bins}
   * histogram bins.
   */
  static BandStatistics of(int band, String description, double[] samples, boolean[] valid, double[] ranks,
      int bins) {
    int n = 0;
    for (int i = 0; i < samples.length; i++) {
      if (valid[i] && !Double.isNaN(samples[i])) {
        n++;
      }
    }
    double[] values = new double[n];
    int k = 0;
    double sum = 0;
    for (int i = 0; i < samples.length; i++) {
      if (valid[i] && !Double.isNaN(samples[i])) {
        values[k++] = samples[i];
        sum += samples[i];
      }
    }
    Arrays.sort(values);
    double mean = n == 0 ? Double.NaN : sum / n;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double min = n == 0 ? Double.NaN : values[0];
    double max = n == 0 ? Double.NaN : values[n - 1];
    double[] percentiles = new double[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      percentiles[i] = n == 0 ? Double.NaN : values[(int) Math.min(n - 1, Math.max(0, Math.round(ranks[i] / 100.0
          * (n - 1))))];
    }
    long[] counts = new long[bins];
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = n == 0 ? Double.NaN : min + (max - min) * i / bins;
    }
    if (n > 0) {
      double width = (max - min) / bins;
      for (double v : values) {
        int bin = width == 0 ? 0 : (int) Math.min(bins - 1, (v - min) / width);
        counts[bin]++;
      }
    }
    return new BandStatistics(band, description, min, max, mean, n == 0 ? Double.NaN : Math.sqrt(squares / n), n,
        n, samples.length, ranks.clone(), percentiles, counts, edges);
  }
}
