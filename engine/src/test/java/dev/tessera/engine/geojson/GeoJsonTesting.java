package dev.tessera.engine.geojson;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Helpers shared by the GeoJSON tests: JSON text in, features or errors out. */
final class GeoJsonTesting {
  static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private GeoJsonTesting() {}

  static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  static List<GeoJsonFeature> readAll(String json) {
    List<GeoJsonFeature> features = new ArrayList<>();
    try (GeoJsonFeatureReader reader = GeoJsonFeatureReader.open(stream(json))) {
      reader.forEachRemaining(features::add);
    }
    return features;
  }

  static GeoJsonFeature readOne(String json) {
    return GeoJsonFeatureReader.readSingleFeature(stream(json));
  }

  /** The error reading the whole of {@code json} produces. */
  static GeoJsonException readError(String json) {
    GeoJsonException e = catchThrowableOfType(GeoJsonException.class, () -> readAll(json));
    if (e == null) {
      throw new AssertionError("expected a GeoJsonException for " + json);
    }
    return e;
  }

  /** A FeatureCollection with one feature whose geometry is {@code geometryJson}. */
  static String collectionWith(String geometryJson) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + feature(geometryJson, "{}") + "]}";
  }

  static String feature(String geometryJson, String propertiesJson) {
    return "{\"type\":\"Feature\",\"geometry\":" + geometryJson + ",\"properties\":" + propertiesJson + "}";
  }

  static Geometry wkt(String wkt) {
    try {
      return new WKTReader(WGS84).read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
