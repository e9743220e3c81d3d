package dev.tessera.server.feature;

import dev.tessera.server.problem.ApiException;
import org.locationtech.jts.geom.Envelope;

/** Parses {@code bbox=minLon,minLat,maxLon,maxLat} (OGC order), refusing anything out of range. */
public final class BboxParam {
  private BboxParam() {}

  public static Envelope parse(String bbox) {
    if (bbox == null || bbox.isBlank()) {
      return null;
    }
    String[] parts = bbox.split(",");
    if (parts.length != 4) {
      throw invalid("must be minLon,minLat,maxLon,maxLat");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw invalid("must hold four numbers, got '" + parts[i].trim() + "'");
      }
      if (!Double.isFinite(v[i])) {
        throw invalid("must hold finite numbers");
      }
    }
    if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
      throw invalid("must lie within longitude -180..180 and latitude -90..90");
    }
    if (v[1] > v[3]) {
      throw invalid("has minLat above maxLat");
    }
    if (v[0] > v[2]) {
      throw invalid("has minLon above maxLon; for a box across the antimeridian send two requests");
    }
    return new Envelope(v[0], v[2], v[1], v[3]);
  }

  private static ApiException invalid(String why) {
    return ApiException.badRequest("invalid_parameter", "Query parameter 'bbox' " + why + ".")
        .with("parameter", "bbox");
  }
}
