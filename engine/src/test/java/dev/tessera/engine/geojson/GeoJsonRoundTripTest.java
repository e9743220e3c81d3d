package dev.tessera.engine.geojson;

import static dev.tessera.engine.geojson.GeoJsonTesting.readAll;
import static dev.tessera.engine.geojson.GeoJsonTesting.readOne;
import static dev.tessera.engine.geojson.GeoJsonTesting.wkt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;

class GeoJsonRoundTripTest {
  private static final String[] GEOMETRIES = {
    "POINT (1.5 -2.25)",
    "MULTIPOINT ((1 2), (3 4))",
    "LINESTRING (0 0, 10 10, 20 5)",
    "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 2))",
    "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))",
    "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((5 5, 6 5, 6 6, 5 6, 5 5), (5.2 5.2, 5.2 5.8, 5.8 5.8, 5.2 5.2)))",
    "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1), POLYGON ((0 0, 1 0, 1 1, 0 0)))",
    "GEOMETRYCOLLECTION (POINT (1 2), GEOMETRYCOLLECTION (POINT (3 4), MULTIPOINT ((5 6))))",
    "POINT (0.1 0.30000000000000004)",
    "POINT (-179.99999999999997 1.0E-7)",
    "POINT EMPTY",
    "MULTIPOINT EMPTY",
    "LINESTRING EMPTY",
    "MULTILINESTRING EMPTY",
    "POLYGON EMPTY",
    "MULTIPOLYGON EMPTY",
    "GEOMETRYCOLLECTION EMPTY",
  };

  static Stream<String> geometries() {
    return Arrays.stream(GEOMETRIES);
  }

  @ParameterizedTest
  @MethodSource("geometries")
  void geometrySurvivesWriteThenRead(String wkt) {
    Geometry original = wkt(wkt);

    GeoJsonFeature feature = readOne(GeoJsonWriter.featureJson("f1", original, "{\"k\":1}"));

    assertThat(feature.geometry().toText()).isEqualTo(original.toText());
    assertThat(feature.geometry().equalsExact(original)).isTrue();
    assertThat(feature.geometry().getSRID()).isEqualTo(4326);
    assertThat(feature.propertiesJson()).isEqualTo("{\"k\":1}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"POINT (1 2)", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)))", "GEOMETRYCOLLECTION EMPTY"})
  void geometryJsonReadsBackWithReadGeometry(String wkt) {
    Geometry original = wkt(wkt);
    String json = GeoJsonWriter.toJson(original);

    try (JsonParser parser = JsonText.READ_FACTORY.createParser(ObjectReadContext.empty(), json)) {
      assertThat(GeoJsonFeatureReader.readGeometry(parser).toText()).isEqualTo(original.toText());
    }
  }

  @Test
  void collectionOfEveryTypeSurvivesReadWriteRead() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeoJsonWriter writer = GeoJsonWriter.featureCollection(out)) {
      for (int i = 0; i < GEOMETRIES.length; i++) {
        writer.writeFeature("id-" + i, wkt(GEOMETRIES[i]), "{\"i\":" + i + ",\"a\":[1.50,{\"b\":null}]}");
      }
    }
    List<GeoJsonFeature> first = readAll(out.toString(StandardCharsets.UTF_8));

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    try (GeoJsonWriter writer = GeoJsonWriter.featureCollection(again)) {
      first.forEach(f -> writer.writeFeature(null, f.geometry(), f.propertiesJson()));
    }
    List<GeoJsonFeature> second = readAll(again.toString(StandardCharsets.UTF_8));

    assertThat(second).hasSize(GEOMETRIES.length);
    for (int i = 0; i < GEOMETRIES.length; i++) {
      assertThat(second.get(i).geometry().toText()).isEqualTo(wkt(GEOMETRIES[i]).toText());
      assertThat(second.get(i).geometry().equalsExact(first.get(i).geometry())).isTrue();
      assertThat(second.get(i).propertiesJson()).isEqualTo(first.get(i).propertiesJson())
          .isEqualTo("{\"i\":" + i + ",\"a\":[1.50,{\"b\":null}]}");
    }
  }

  @Test
  void compactPropertiesArePreservedByteForByte() {
    String properties = "{\"name\":\"Z\u00fcrich \\\"HB\\\"\",\"n\":1.50,\"big\":12345678901234567890123,"
        + "\"neg\":-0,\"exp\":1e5,\"tiny\":-2.5E-300,\"ok\":true,\"no\":false,\"nil\":null,"
        + "\"nested\":{\"a\":[1,{\"b\":[]}],\"c\":{}},\"arr\":[1,\"two\",null,[3.0]],\"tab\":\"a\\tb\"}";

    GeoJsonFeature feature = readOne(GeoJsonTesting.feature("{\"type\":\"Point\",\"coordinates\":[0,0]}", properties));
    assertThat(feature.propertiesJson()).isEqualTo(properties);

    GeoJsonFeature again = readOne(GeoJsonWriter.featureJson("1", feature.geometry(), feature.propertiesJson()));
    assertThat(again.propertiesJson()).isEqualTo(properties);
  }

  @Test
  void prettyPrintedPropertiesAreCompacted() {
    String json = """
        {
          "type": "Feature",
          "properties": {
            "a" : [ 1, 2.0 ],
            "b" : { "c" : "d" }
          },
          "geometry": { "type": "Point", "coordinates": [ 1, 2 ] }
        }
        """;

    assertThat(readOne(json).propertiesJson()).isEqualTo("{\"a\":[1,2.0],\"b\":{\"c\":\"d\"}}");
  }

  @Test
  void nullOrAbsentPropertiesBecomeEmptyObject() {
    String point = "{\"type\":\"Point\",\"coordinates\":[3,4]}";

    assertThat(readOne(GeoJsonTesting.feature(point, "null")).propertiesJson()).isEqualTo("{}");
    assertThat(readOne("{\"type\":\"Feature\",\"geometry\":" + point + "}").propertiesJson()).isEqualTo("{}");
  }
}
