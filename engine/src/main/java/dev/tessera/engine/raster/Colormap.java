package dev.tessera.engine.raster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps one band's values to ARGB colours. Named ramps are 256-entry tables indexed by the value rescaled to 0…255
 * (the tables are matplotlib's and cmocean's published data, in {@code colormaps/}); a {@code _r} suffix reverses
 * one. Custom maps are stops (linear interpolation between value → colour pairs; transparent outside them) or
 * intervals ({@code [min, max)} → colour; transparent elsewhere). Immutable and thread-safe.
 */
public abstract sealed class Colormap {
  /** Names of the bundled ramps; each also answers with {@code _r}. */
  public static final Set<String> NAMES =
      Set.of("viridis", "plasma", "inferno", "magma", "cividis", "greys", "blues", "thermal", "terrain", "rdylgn");

  private static final Map<String, int[]> TABLES = new ConcurrentHashMap<>();

  /** ARGB of {@code value}; 0 (transparent) where the map gives no colour. */
  public abstract int argb(double value);

  /** Whether the map takes values already rescaled to 0…255 (named ramps) rather than data values. */
  public abstract boolean indexed();

  /**
   * A bundled ramp by name, case-insensitive, {@code _r} for reversed.
   *
   * @throws RasterException (BAD_REQUEST, {@code colormap_name}) for an unknown name
   */
  public static Colormap named(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    boolean reversed = lower.endsWith("_r");
    String base = reversed ? lower.substring(0, lower.length() - 2) : lower;
    if (!NAMES.contains(base)) {
      throw RasterException.badParameter(
          "colormap_name", "Unknown colormap '" + name + "'; known: " + NAMES.stream().sorted().toList()
              + ", each also with _r");
    }
    int[] table = TABLES.computeIfAbsent(base, Colormap::load);
    if (reversed) {
      int[] r = new int[256];
      for (int i = 0; i < 256; i++) {
        r[i] = table[255 - i];
      }
      table = r;
    }
    return new Table(table);
  }

  /** Linear ramp through {@code values} (ascending) with {@code argb} colours; transparent outside them. */
  public static Colormap stops(double[] values, int[] argb) {
    for (int i = 1; i < values.length; i++) {
      if (!(values[i] > values[i - 1])) {
        throw RasterException.badParameter("colormap", "colormap stops must be ascending and distinct");
      }
    }
    if (values.length == 0) {
      throw RasterException.badParameter("colormap", "colormap needs at least one stop");
    }
    return new Stops(values.clone(), argb.clone());
  }

  /** {@code [min, max)} intervals each with a colour; the first match wins. */
  public static Colormap intervals(List<double[]> ranges, int[] argb) {
    if (ranges.isEmpty()) {
      throw RasterException.badParameter("colormap", "colormap needs at least one interval");
    }
    return new Intervals(ranges.toArray(double[][]::new), argb.clone());
  }

  /** ARGB of a colour written {@code #rrggbb}, {@code #rrggbbaa}; null if it is not one. */
  public static Integer parseHex(String text) {
    if (!text.matches("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?")) {
      return null;
    }
    long v = Long.parseLong(text.substring(1), 16);
    return text.length() == 7 ? (int) (0xFF000000L | v) : (int) (((v & 0xFF) << 24) | (v >>> 8));
  }

  private static int[] load(String name) {
    String resource = "colormaps/" + name + ".txt";
    try (InputStream in = Colormap.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing colormap resource " + resource);
      }
      int[] table = new int[256];
      int i = 0;
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] rgb = line.trim().split("\\s+");
        table[i++] = 0xFF000000 | Integer.parseInt(rgb[0]) << 16 | Integer.parseInt(rgb[1]) << 8
            | Integer.parseInt(rgb[2]);
      }
      if (i != 256) {
        throw new IllegalStateException(resource + " holds " + i + " entries, not 256");
      }
      return table;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  private static final class Table extends Colormap {
    private final int[] table;

    Table(int[] table) {
      this.table = table;
    }

    @Override
    public int argb(double value) {
      int i = (int) Math.round(value);
      return table[i < 0 ? 0 : i > 255 ? 255 : i];
    }

    @Override
    public boolean indexed() {
      return true;
    }
  }

  private static final class Stops extends Colormap {
    private final double[] values;
    private final int[] colours;

    Stops(double[] values, int[] colours) {
      this.values = values;
      this.colours = colours;
    }

    @Override
    public int argb(double value) {
      int last = values.length - 1;
      if (!(value >= values[0] && value <= values[last])) {
        return 0;
      }
      int hi = 1;
      while (hi <= last && values[hi] < value) {
        hi++;
      }
      if (hi > last || value == values[hi]) {
        return colours[Math.min(hi, last)];
      }
      double t = (value - values[hi - 1]) / (values[hi] - values[hi - 1]);
      return mix(colours[hi - 1], colours[hi], t);
    }

    @Override
    public boolean indexed() {
      return false;
    }

    private static int mix(int a, int b, double t) {
      int out = 0;
      for (int shift = 0; shift <= 24; shift += 8) {
        int ca = (a >>> shift) & 0xFF;
        int cb = (b >>> shift) & 0xFF;
        out |= ((int) Math.round(ca + (cb - ca) * t) & 0xFF) << shift;
      }
      return out;
    }
  }

  private static final class Intervals extends Colormap {
    private final double[][] ranges;
    private final int[] colours;

    Intervals(double[][] ranges, int[] colours) {
      this.ranges = ranges;
      this.colours = colours;
    }

    @Override
    public int argb(double value) {
      for (int i = 0; i < ranges.length; i++) {
        if (value >= ranges[i][0] && value < ranges[i][1]) {
          return colours[i];
        }
      }
      return 0;
    }

    @Override
    public boolean indexed() {
      return false;
    }
  }
}
