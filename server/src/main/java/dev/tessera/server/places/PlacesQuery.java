package dev.tessera.server.places;

import dev.tessera.server.problem.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A validated viewport request. The box is in degrees, west > east when it crosses the antimeridian.
 *
 * @param datasets names as the client gave them (layer ids or slugs), in order, without repeats
 * @param fields properties to include, or null for all
 * @param zoom map zoom, or null for single points only (no clusters)
 */
record PlacesQuery(
    List<String> datasets,
    double west,
    double south,
    double east,
    double north,
    Double zoom,
    int limit,
    Set<String> fields,
    PlacesFormat format) {

  static PlacesQuery parse(
      String bounds, String bbox, String datasets, String zoom, String limit, String fields, String format,
      int defaultLimit, int maxLimit) {
    if ((bounds == null) == (bbox == null)) {
      throw invalid(bounds == null ? "bbox" : "bounds", "Give either 'bounds' (south,west,north,east) or 'bbox'"
          + " (minLon,minLat,maxLon,maxLat), not " + (bounds == null ? "neither." : "both."));
    }
    double[] box = bounds != null ? numbers("bounds", bounds) : numbers("bbox", bbox);
    String name = bounds != null ? "bounds" : "bbox";
    double south = bounds != null ? box[0] : box[1];
    double west = bounds != null ? box[1] : box[0];
    double north = bounds != null ? box[2] : box[3];
    double east = bounds != null ? box[3] : box[2];
    if (south < -90 || north > 90 || south > north) {
      throw invalid(name, "Latitudes in '" + name + "' must lie in -90..90 with south ≤ north.");
    }
    if (west < -540 || east > 540 || west > east + 360) {
      throw invalid(name, "Longitudes in '" + name + "' must lie in -540..540; west > east crosses the antimeridian.");
    }
    if (datasets == null || datasets.isBlank()) {
      throw invalid("datasets", "Name at least one dataset: datasets=<layer id or slug>[,…].");
    }
    Set<String> names = new LinkedHashSet<>();
    for (String d : datasets.split(",")) {
      if (!d.isBlank()) {
        names.add(d.trim());
      }
    }
    Double z = null;
    if (zoom != null && !zoom.isBlank()) {
      z = number("zoom", zoom);
      if (z < 0 || z > 30) {
        throw invalid("zoom", "Query parameter 'zoom' must be between 0 and 30.");
      }
    }
    int n = defaultLimit;
    if (limit != null && !limit.isBlank()) {
      try {
        n = Integer.parseInt(limit.trim());
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > maxLimit) {
        throw invalid("limit", "Query parameter 'limit' must be an integer between 1 and " + maxLimit + ".");
      }
    }
    Set<String> chosen = null;
    if (fields != null) {
      chosen = new LinkedHashSet<>();
      for (String f : fields.split(",")) {
        if (!f.isBlank()) {
          chosen.add(f.trim());
        }
      }
    }
    return new PlacesQuery(
        new ArrayList<>(names), west, south, east, north, z, n, chosen, PlacesFormat.of(format));
  }

  private static double[] numbers(String name, String text) {
    String[] parts = text.split(",");
    if (parts.length != 4) {
      throw invalid(name, "Query parameter '" + name + "' must hold four comma-separated numbers.");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      v[i] = number(name, parts[i]);
    }
    return v;
  }

  private static double number(String name, String text) {
    try {
      double v = Double.parseDouble(text.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(name, "Query parameter '" + name + "' must hold finite numbers, not '" + text.trim() + "'.");
  }

  static ApiException invalid(String parameter, String detail) {
    return ApiException.badRequest("invalid_parameter", detail).with("parameter", parameter);
  }

  /**
   * The box widened outward to a grid of a quarter tile at this zoom, so nearby viewports share cache entries;
   * the answer is for the widened box.
   */
  PlacesQuery quantised() {
    double step = 360 / Math.pow(2, Math.floor(zoom == null ? 22 : zoom)) / 4;
    double w = Math.floor(west / step) * step;
    double e = Math.ceil(east / step) * step;
    double s = Math.max(-90, Math.floor(south / step) * step);
    double n = Math.min(90, Math.ceil(north / step) * step);
    if (e - w >= 360 || (west > east && w <= e)) {
      w = -180;
      e = 180;
    }
    return new PlacesQuery(datasets, w, s, e, n, zoom, limit, fields, format);
  }

  String describeBox() {
    return String.format(Locale.ROOT, "%.9f,%.9f,%.9f,%.9f", west, south, east, north);
  }
}
