package dev.tessera.server.tiles.cog;

import dev.tessera.engine.raster.Colormap;
import dev.tessera.engine.raster.Expression;
import dev.tessera.engine.raster.ImageFormat;
import dev.tessera.engine.raster.RasterException;
import dev.tessera.engine.raster.RenderOptions;
import dev.tessera.engine.raster.Resampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rendering parameters of one request: the layer's {@code tileParams}, each overridable by a query parameter of
 * the same name (TiTiler's names and syntax: {@code rescale=0,30} or one range per band separated by {@code ;} or
 * repeated, {@code colormap_name}, {@code colormap} as JSON, {@code bidx=1,2,3}, {@code expression},
 * {@code return_mask}, {@code nodata}, {@code resampling}, {@code tilesize}). Unknown parameters and bad values answer
 * 400 naming them. Immutable once built.
 */
final class CogParams {
  static final Set<String> RENDER_KEYS = Set.of(
      "rescale", "colormap_name", "colormap", "bidx", "expression", "return_mask", "nodata", "resampling");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TreeMap<String, String> effective;

  private CogParams(TreeMap<String, String> effective) {
    this.effective = effective;
  }

  /**
   * The layer's {@code tileParams} overridden by {@code query}; {@code allowed} are the further query parameters the
   * endpoint itself reads (time, tilesize, max_size…), any other name answers 400.
   */
  static CogParams of(JsonNode tileParams, Map<String, String> query, Set<String> allowed) {
    Set<String> unknown = new TreeSet<>();
    for (String name : query.keySet()) {
      if (!RENDER_KEYS.contains(name) && !allowed.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      List<String> known = new ArrayList<>(new TreeSet<>(RENDER_KEYS));
      known.addAll(new TreeSet<>(allowed));
      throw CogException.invalidParameter(String.join(",", unknown),
          "Unknown parameter" + (unknown.size() == 1 ? " " : "s ") + unknown + "; known: " + known + ".");
    }
    TreeMap<String, String> effective = new TreeMap<>();
    if (tileParams != null && tileParams.isObject()) {
      for (String name : RENDER_KEYS) {
        JsonNode value = tileParams.get(name);
        if (value != null && !value.isNull()) {
          effective.put(name, text(name, value));
        }
      }
    }
    for (var e : query.entrySet()) {
      if (RENDER_KEYS.contains(e.getKey())) {
        if (e.getValue().isBlank()) {
          effective.remove(e.getKey()); // an empty value drops the layer's own setting
        } else {
          effective.put(e.getKey(), e.getValue());
        }
      }
    }
    return new CogParams(effective);
  }

  /** The effective rendering parameters as one canonical string, for cache keys. */
  String key() {
    return effective.toString();
  }

  RenderOptions options(ImageFormat format, int size) {
    try {
      return new RenderOptions(
          bidx(effective.get("bidx")),
          effective.containsKey("expression") ? Expression.parse(effective.get("expression")) : null,
          rescale(effective.get("rescale")),
          colormap(),
          nodata(effective.get("nodata")),
          bool("return_mask", effective.getOrDefault("return_mask", "true")),
          resampling(effective.get("resampling")),
          format,
          size);
    } catch (RasterException e) {
      throw CogException.invalidParameter(e.parameter(), e.getMessage());
    }
  }

  private static String text(String name, JsonNode value) {
    if (name.equals("rescale") && value.isArray()) {
      List<String> ranges = new ArrayList<>();
      for (JsonNode range : value) {
        ranges.add(range.isArray() ? range.get(0).asDouble() + "," + range.get(1).asDouble() : range.asString());
      }
      return String.join(";", ranges);
    }
    if (name.equals("bidx") && value.isArray()) {
      List<String> bands = new ArrayList<>();
      value.forEach(b -> bands.add(b.asString()));
      return String.join(",", bands);
    }
    if (name.equals("colormap")) {
      return value.toString();
    }
    return value.isString() ? value.asString() : value.toString();
  }

  private static int[] bidx(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split("[,;]");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Integer.parseInt(parts[i].strip());
      } catch (NumberFormatException e) {
        throw CogException.invalidParameter("bidx", "bidx must be band numbers such as 1 or 1,2,3, was '" + text
            + "'.");
      }
      if (out[i] < 1) {
        throw CogException.invalidParameter("bidx", "bands count from 1, bidx was '" + text + "'.");
      }
    }
    return out;
  }

  private static double[][] rescale(String text) {
    if (text == null) {
      return null;
    }
    String[] ranges = text.split(";");
    double[][] out = new double[ranges.length][];
    for (int i = 0; i < ranges.length; i++) {
      String[] parts = ranges[i].split(",");
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        double min = Double.parseDouble(parts[0].strip());
        double max = Double.parseDouble(parts[1].strip());
        if (!(min < max)) {
          throw CogException.invalidParameter("rescale", "rescale needs min below max, was '" + ranges[i] + "'.");
        }
        out[i] = new double[] {min, max};
      } catch (NumberFormatException e) {
        throw CogException.invalidParameter("rescale",
            "rescale must be 'min,max', one range per band separated by ';', was '" + text + "'.");
      }
    }
    return out;
  }

  private Colormap colormap() {
    String custom = effective.get("colormap");
    String name = effective.get("colormap_name");
    if (custom != null && name != null) {
      throw CogException.invalidParameter("colormap", "Give colormap or colormap_name, not both.");
    }
    if (name != null) {
      return Colormap.named(name);
    }
    return custom == null ? null : customColormap(custom);
  }

  /** {@code {"value": colour, …}} stops or {@code [[[min, max], colour], …]} intervals; colours hex or [r,g,b(,a)]. */
  static Colormap customColormap(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JacksonException e) {
      throw CogException.invalidParameter("colormap", "colormap is not valid JSON: " + e.getOriginalMessage());
    }
    if (node.isObject()) {
      TreeMap<Double, Integer> stops = new TreeMap<>();
      for (var e : node.properties()) {
        try {
          stops.put(Double.parseDouble(e.getKey()), colour(e.getValue()));
        } catch (NumberFormatException ex) {
          throw CogException.invalidParameter("colormap", "colormap keys must be numbers, was '" + e.getKey() + "'.");
        }
      }
      if (stops.isEmpty() || stops.size() > 1024) {
        throw CogException.invalidParameter("colormap", "colormap needs 1 to 1024 stops.");
      }
      return Colormap.stops(stops.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
          stops.values().stream().mapToInt(Integer::intValue).toArray());
    }
    if (node.isArray() && !node.isEmpty() && node.size() <= 1024) {
      List<double[]> ranges = new ArrayList<>();
      int[] colours = new int[node.size()];
      int i = 0;
      for (JsonNode interval : node) {
        JsonNode range = interval.path(0);
        if (!interval.isArray() || interval.size() != 2 || !range.isArray() || range.size() != 2
            || !range.get(0).isNumber() || !range.get(1).isNumber()) {
          throw CogException.invalidParameter("colormap",
              "colormap intervals must be [[min, max], colour] pairs, e.g. [[[0, 10], \"#ff0000\"]].");
        }
        ranges.add(new double[] {range.get(0).asDouble(), range.get(1).asDouble()});
        colours[i++] = colour(interval.get(1));
      }
      return Colormap.intervals(ranges, colours);
    }
    throw CogException.invalidParameter("colormap",
        "colormap must be an object of value → colour or a list of [[min, max], colour] intervals (at most 1024).");
  }

  private static int colour(JsonNode c) {
    if (c.isString()) {
      Integer argb = Colormap.parseHex(c.asString());
      if (argb != null) {
        return argb;
      }
    } else if (c.isArray() && (c.size() == 3 || c.size() == 4)) {
      int[] v = new int[4];
      v[3] = 255;
      for (int i = 0; i < c.size(); i++) {
        if (!c.get(i).isInt() || c.get(i).asInt() < 0 || c.get(i).asInt() > 255) {
          v = null;
          break;
        }
        v[i] = c.get(i).asInt();
      }
      if (v != null) {
        return v[3] << 24 | v[0] << 16 | v[1] << 8 | v[2];
      }
    }
    throw CogException.invalidParameter("colormap",
        "colormap colours must be '#rrggbb', '#rrggbbaa' or [r, g, b(, a)] in 0…255, was " + c + ".");
  }

  private static Double nodata(String text) {
    if (text == null) {
      return null;
    }
    if (text.strip().equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw CogException.invalidParameter("nodata", "nodata must be a number or 'nan', was '" + text + "'.");
    }
  }

  static boolean bool(String name, String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw CogException.invalidParameter(name, name + " must be true or false, was '" + text + "'.");
    };
  }

  private static Resampling resampling(String text) {
    if (text == null) {
      return Resampling.NEAREST;
    }
    Resampling r = Resampling.byName(text.strip());
    if (r == null) {
      throw CogException.invalidParameter("resampling",
          "resampling must be nearest, bilinear or cubic, was '" + text + "'.");
    }
    return r;
  }
}
