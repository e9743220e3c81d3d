package dev.tessera.server.tiles.cog;

import dev.tessera.engine.raster.BandStatistics;
import dev.tessera.engine.raster.Cog;
import dev.tessera.engine.raster.ImageFormat;
import dev.tessera.engine.raster.RasterException;
import dev.tessera.engine.raster.RasterQueries;
import dev.tessera.engine.raster.RasterRenderer;
import dev.tessera.engine.raster.RenderOptions;
import dev.tessera.engine.raster.WebpWriter;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.RecentLayers;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TiTiler's COG endpoints for geotiff layers: {@code /info}, {@code /statistics}, {@code /preview} and {@code /point},
 * each with {@code time=} for temporal layers. Layers the caller may not see answer 404, as the tile endpoint does.
 */
@RestController
class CogController {
  private static final int MAX_PREVIEW = 2048;
  private static final double[] DEFAULT_PERCENTILES = {2, 98};

  private final RecentLayers layers;
  private final CogSources sources;

  CogController(RecentLayers layers, CogSources sources) {
    this.layers = layers;
    this.sources = sources;
  }

  @GetMapping("/api/layers/{id}/info")
  Map<String, Object> info(Caller caller, @PathVariable UUID id, @RequestParam Map<String, String> query) {
    only(query, Set.of("time"));
    return read(caller, id, query.get("time"), opened -> {
      Cog cog = opened.cog();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("location", opened.location());
      out.put("bounds", RasterQueries.wgs84Bounds(cog));
      int[] zooms = RasterQueries.zoomRange(cog);
      out.put("minzoom", zooms[0]);
      out.put("maxzoom", zooms[1]);
      out.put("native_bounds", RasterQueries.nativeBounds(cog));
      out.put("crs", "EPSG:" + cog.geo().epsg());
      out.put("width", cog.width());
      out.put("height", cog.height());
      out.put("dtype", cog.sampleType().gdalName());
      out.put("count", cog.bandCount());
      out.put("band_descriptions", bandDescriptions(cog));
      out.put("nodata", cog.nodata() == null ? null : cog.nodata().isNaN() ? "nan" : cog.nodata());
      out.put("mask", cog.hasMask());
      out.put("overviews", cog.levelSizes().stream().skip(1).map(s -> Math.round((double) cog.width() / s[0]))
          .toList());
      out.put("overview_sizes", cog.levelSizes().stream().skip(1).toList());
      out.put("colorinterp", cog.colorInterpretation());
      out.put("compression", cog.compression());
      out.put("interleave", cog.pixelInterleaved() ? "pixel" : "band");
      out.put("pixel_size", new double[] {cog.geo().pixelX(), -cog.geo().pixelY()});
      return out;
    });
  }

  @GetMapping("/api/layers/{id}/statistics")
  Map<String, Object> statistics(Caller caller, @PathVariable UUID id, @RequestParam Map<String, String> query) {
    only(query, Set.of("time", "bbox", "max_size", "nodata", "p", "histogram_bins"));
    double[] bbox = query.containsKey("bbox") ? numbers("bbox", query.get("bbox"), 4) : null;
    if (bbox != null && !(bbox[0] != bbox[2] && bbox[1] < bbox[3] && bbox[1] >= -90 && bbox[3] <= 90)) {
      throw CogException.invalidParameter("bbox", "bbox must be west,south,east,north with south < north, "
          + "latitudes within ±90° and west ≠ east (west > east for a box across the antimeridian).");
    }
    int maxSize = integer(query, "max_size", 1024, 16, 4096);
    int bins = integer(query, "histogram_bins", 10, 1, 1000);
    double[] ranks = query.containsKey("p") ? numbers("p", query.get("p"), -1) : DEFAULT_PERCENTILES;
    for (double r : ranks) {
      if (!(r >= 0 && r <= 100)) {
        throw CogException.invalidParameter("p", "percentiles must lie in 0…100.");
      }
    }
    Double nodata = query.containsKey("nodata") ? numbers("nodata", query.get("nodata"), 1)[0] : null;
    return read(caller, id, query.get("time"), opened -> {
      Map<String, Object> out = new LinkedHashMap<>();
      for (BandStatistics s : RasterQueries.statistics(opened.cog(), bbox, maxSize, nodata, ranks, bins)) {
        Map<String, Object> band = new LinkedHashMap<>();
        band.put("min", s.min());
        band.put("max", s.max());
        band.put("mean", s.mean());
        band.put("std", s.std());
        band.put("count", s.count());
        band.put("valid_percent", s.totalPixels() == 0 ? 0 : 100.0 * s.validPixels() / s.totalPixels());
        for (int i = 0; i < ranks.length; i++) {
          band.put("percentile_" + format(ranks[i]), s.percentiles()[i]);
        }
        band.put("histogram", List.of(s.histogramCounts(), s.histogramEdges()));
        band.put("description", s.description());
        out.put("b" + s.band(), band);
      }
      return out;
    });
  }

  @GetMapping({"/api/layers/{id}/preview", "/api/layers/{id}/preview.{format}"})
  ResponseEntity<byte[]> preview(Caller caller, @PathVariable UUID id,
      @PathVariable(required = false) String format, @RequestParam Map<String, String> query) {
    ImageFormat imageFormat = format == null || format.equals("png") ? ImageFormat.PNG
        : format.equals("jpg") || format.equals("jpeg") ? ImageFormat.JPEG
        : format.equals("webp") && WebpWriter.available() ? ImageFormat.WEBP : null;
    if (imageFormat == null) {
      throw ApiException.badRequest("unsupported_tile_format", "Previews are .png, .jpg or .webp, not ." + format
              + (format.equals("webp") ? " (libwebp did not load on this server's platform)." : "."))
          .with("parameter", "format");
    }
    int maxSize = integer(query, "max_size", 1024, 1, MAX_PREVIEW);
    Layer layer = geotiff(caller, id);
    RenderOptions options = CogParams.of(CogSources.tileParams(layer), query, Set.of("time", "max_size"))
        .options(imageFormat, 256);
    byte[] image = read(layer, query.get("time"), opened -> RasterRenderer.preview(opened.cog(), maxSize, options));
    return ResponseEntity.ok()
        .contentType(switch (imageFormat) {
          case PNG -> MediaType.IMAGE_PNG;
          case JPEG -> MediaType.IMAGE_JPEG;
          case WEBP -> MediaType.parseMediaType("image/webp");
        })
        .body(image);
  }

  @GetMapping("/api/layers/{id}/point")
  Map<String, Object> point(Caller caller, @PathVariable UUID id, @RequestParam Map<String, String> query) {
    only(query, Set.of("lon", "lat", "time", "nodata"));
    if (!query.containsKey("lon") || !query.containsKey("lat")) {
      throw CogException.invalidParameter(query.containsKey("lon") ? "lat" : "lon", "point needs lon and lat.");
    }
    double lon = numbers("lon", query.get("lon"), 1)[0];
    double lat = numbers("lat", query.get("lat"), 1)[0];
    if (!(lon >= -180 && lon <= 180)) {
      throw CogException.invalidParameter("lon", "lon must lie in -180…180.");
    }
    if (!(lat >= -90 && lat <= 90)) {
      throw CogException.invalidParameter("lat", "lat must lie in -90…90.");
    }
    Double nodata = query.containsKey("nodata") ? numbers("nodata", query.get("nodata"), 1)[0] : null;
    return read(caller, id, query.get("time"), opened -> {
      Double[] values = RasterQueries.point(opened.cog(), lon, lat, nodata);
      if (values == null) {
        throw CogException.invalidParameter("lon", "The point " + lon + "," + lat + " lies outside the raster.");
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("coordinates", new double[] {lon, lat});
      out.put("values", values);
      out.put("band_names", bandNames(opened.cog()));
      out.put("band_descriptions", bandDescriptions(opened.cog()));
      return out;
    });
  }

  private <T> T read(Caller caller, UUID id, String time, Function<CogSources.Opened, T> action) {
    return read(geotiff(caller, id), time, action);
  }

  private <T> T read(Layer layer, String time, Function<CogSources.Opened, T> action) {
    CogSources.Opened opened = sources.open(layer, time);
    try {
      return action.apply(opened);
    } catch (RasterException e) {
      throw opened.problem(e);
    }
  }

  private Layer geotiff(Caller caller, UUID id) {
    Layer layer = layers.visible(caller, id);
    if (layer.sourceType() != SourceType.GEOTIFF) {
      throw ApiException.badRequest("unsupported_layer_type",
          "Layer " + id + " is a " + layer.sourceType().value() + " layer; this endpoint serves geotiff layers.");
    }
    return layer;
  }

  private static void only(Map<String, String> query, Set<String> allowed) {
    List<String> unknown = query.keySet().stream().filter(k -> !allowed.contains(k)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw CogException.invalidParameter(String.join(",", unknown),
          "Unknown parameter" + (unknown.size() == 1 ? " " : "s ") + unknown + "; known: " + allowed.stream()
              .sorted().toList() + ".");
    }
  }

  private static double[] numbers(String name, String text, int count) {
    String[] parts = text.split(",");
    if (count > 0 && parts.length != count) {
      throw CogException.invalidParameter(name, name + " must hold " + count + " comma-separated numbers, was '"
          + text + "'.");
    }
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw CogException.invalidParameter(name, name + " must hold numbers, was '" + text + "'.");
      }
      if (Double.isInfinite(out[i])) {
        throw CogException.invalidParameter(name, name + " must hold finite numbers, was '" + text + "'.");
      }
    }
    return out;
  }

  private static int integer(Map<String, String> query, String name, int fallback, int min, int max) {
    String text = query.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw CogException.invalidParameter(name, name + " must be a whole number in " + min + "…" + max + ", was '"
        + text + "'.");
  }

  private static List<String> bandNames(Cog cog) {
    List<String> names = new ArrayList<>();
    for (int b = 1; b <= cog.bandCount(); b++) {
      names.add("b" + b);
    }
    return names;
  }

  private static List<List<String>> bandDescriptions(Cog cog) {
    List<List<String>> out = new ArrayList<>();
    String[] descriptions = cog.descriptions();
    for (int b = 0; b < descriptions.length; b++) {
      out.add(List.of("b" + (b + 1), descriptions[b]));
    }
    return out;
  }

  private static String format(double rank) {
    return rank == Math.rint(rank) ? String.valueOf((long) rank) : String.valueOf(rank);
  }
}
