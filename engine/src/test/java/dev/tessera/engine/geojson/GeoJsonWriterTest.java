package dev.tessera.engine.geojson;

import static dev.tessera.engine.geojson.GeoJsonTesting.readAll;
import static dev.tessera.engine.geojson.GeoJsonTesting.wkt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

class GeoJsonWriterTest {
  @Test
  void writesCompactCollectionWithForeignMembersAfterFeatures() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeoJsonWriter writer = GeoJsonWriter.featureCollection(out)) {
      writer.writeFeature("a1", wkt("POINT (1.5 2)"), "{\"k\":\"v\"}");
      writer.writeFeature("a2", null, null);
      writer.endFeatures();
      writer.writeForeignMember("next_cursor", "abc");
      writer.writeForeignMember("numberReturned", 2);
      writer.writeForeignMember("prev_cursor", null);
    }

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"id\":\"a1\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1.5,2.0]},"
        + "\"properties\":{\"k\":\"v\"}},"
        + "{\"type\":\"Feature\",\"id\":\"a2\",\"geometry\":null,\"properties\":{}}],"
        + "\"next_cursor\":\"abc\",\"numberReturned\":2,\"prev_cursor\":null}");
  }

  @Test
  void emptyCollectionIsValidGeoJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GeoJsonWriter.featureCollection(out).close();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[]}");
    assertThat(readAll(out.toString(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void writerOutputParsesBack() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeoJsonWriter writer = GeoJsonWriter.featureCollection(out)) {
      for (int i = 0; i < 100; i++) {
        writer.writeFeature(Integer.toString(i), wkt("LINESTRING (" + i * 0.1 + " 0, 1 " + i * 0.3 + ")"),
            "{\"i\":" + i + "}");
      }
      writer.writeForeignMember("next_cursor", "c100");
    }

    List<GeoJsonFeature> features = readAll(out.toString(StandardCharsets.UTF_8));

    assertThat(features).hasSize(100);
    assertThat(features.get(7).geometry().getCoordinates())
        .containsExactly(new Coordinate(7 * 0.1, 0), new Coordinate(1, 7 * 0.3));
    assertThat(features.get(7).propertiesJson()).isEqualTo("{\"i\":7}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "POINT EMPTY              | {\"type\":\"Point\",\"coordinates\":[]}",
    "LINESTRING EMPTY         | {\"type\":\"LineString\",\"coordinates\":[]}",
    "POLYGON EMPTY            | {\"type\":\"Polygon\",\"coordinates\":[]}",
    "MULTIPOINT EMPTY         | {\"type\":\"MultiPoint\",\"coordinates\":[]}",
    "MULTILINESTRING EMPTY    | {\"type\":\"MultiLineString\",\"coordinates\":[]}",
    "MULTIPOLYGON EMPTY       | {\"type\":\"MultiPolygon\",\"coordinates\":[]}",
    "GEOMETRYCOLLECTION EMPTY | {\"type\":\"GeometryCollection\",\"geometries\":[]}",
  })
  void emptyGeometriesAreWrittenAsEmptyArrays(String wkt, String json) {
    assertThat(GeoJsonWriter.toJson(wkt(wkt))).isEqualTo(json);
  }

  @Test
  void coordinatesAreWrittenWithoutRounding() {
    String json = GeoJsonWriter.toJson(wkt("LINESTRING (0.30000000000000004 1e-7, 123456789.12345679 -0.1)"));

    assertThat(json).isEqualTo(
        "{\"type\":\"LineString\",\"coordinates\":[[0.30000000000000004,1.0E-7],[1.2345678912345679E8,-0.1]]}");
  }

  @Test
  void polygonWithHoleIsWrittenRingByRing() {
    assertThat(GeoJsonWriter.toJson(wkt("POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))"))).isEqualTo(
        "{\"type\":\"Polygon\",\"coordinates\":[[[0.0,0.0],[4.0,0.0],[4.0,4.0],[0.0,0.0]],"
            + "[[1.0,1.0],[2.0,1.0],[2.0,2.0],[1.0,1.0]]]}");
  }

  @Test
  void featureJsonWritesOneFeature() {
    assertThat(GeoJsonWriter.featureJson("x", wkt("POINT (1 2)"), " {\"a\": [1, 2]} ")).isEqualTo(
        "{\"type\":\"Feature\",\"id\":\"x\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1.0,2.0]},"
            + "\"properties\":{\"a\": [1, 2]}}");
  }

  @Test
  void propertiesThatAreNotAnObjectAreRejectedBeforeAnythingIsWritten() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeoJsonWriter writer = GeoJsonWriter.featureCollection(out)) {
      assertThatThrownBy(() -> writer.writeFeature("1", wkt("POINT (1 2)"), "[1]"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> writer.writeFeature("1", wkt("POINT (1 2)"), "{\"a\":1} {}"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> writer.writeFeature("1", wkt("POINT (1 2)"), "{\"a\":"))
          .isInstanceOf(IllegalArgumentException.class);
      writer.writeFeature("2", wkt("POINT (3 4)"), "{}");
    }

    assertThat(readAll(out.toString(StandardCharsets.UTF_8))).hasSize(1);
  }

  @Test
  void jsonForeignMembersAreCopiedCompactAfterFeatures() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeoJsonWriter writer = GeoJsonWriter.featureCollection(out)) {
      writer.writeFeature("a1", null, "{}");
      writer.writeForeignMemberJson("links", " [ {\"rel\": \"next\", \"n\": 1.50} ] ");
    }

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"id\":\"a1\",\"geometry\":null,\"properties\":{}}],"
        + "\"links\":[{\"rel\":\"next\",\"n\":1.50}]}");
  }

  @Test
  void malformedJsonForeignMembersAreRejectedBeforeAnythingIsWritten() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GeoJsonWriter writer = GeoJsonWriter.featureCollection(out);

    assertThatThrownBy(() -> writer.writeForeignMemberJson("links", "[{]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.writeForeignMemberJson("links", "[] []")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.writeForeignMemberJson("type", "1")).isInstanceOf(IllegalArgumentException.class);
    writer.close();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[]}");
  }

  @Test
  void singleFeatureCarriesForeignMembersAfterItsProperties() {
    String json = GeoJsonWriter.featureJson("f1", wkt("POINT (1 2)"), "{\"k\":1}",
        java.util.Map.of("links", "[{\"rel\":\"self\"}]"));

    assertThat(json).isEqualTo("{\"type\":\"Feature\",\"id\":\"f1\",\"geometry\":{\"type\":\"Point\","
        + "\"coordinates\":[1.0,2.0]},\"properties\":{\"k\":1},\"links\":[{\"rel\":\"self\"}]}");
    assertThatThrownBy(() -> GeoJsonWriter.featureJson("f1", null, "{}", java.util.Map.of("geometry", "null")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void featuresCannotFollowForeignMembers() {
    GeoJsonWriter writer = GeoJsonWriter.featureCollection(new ByteArrayOutputStream());
    writer.writeForeignMember("next_cursor", "x");

    assertThatThrownBy(() -> writer.writeFeature("1", wkt("POINT (1 2)"), "{}"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reservedOrNonScalarForeignMembersAreRejected() {
    GeoJsonWriter writer = GeoJsonWriter.featureCollection(new ByteArrayOutputStream());

    assertThatThrownBy(() -> writer.writeForeignMember("type", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.writeForeignMember("features", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.writeForeignMember("m", List.of(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.writeForeignMember("m", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numericForeignMembersKeepTheirValue() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeoJsonWriter writer = GeoJsonWriter.featureCollection(out)) {
      writer.writeForeignMember("a", 1.25);
      writer.writeForeignMember("b", new BigDecimal("10.50"));
      writer.writeForeignMember("c", Long.MAX_VALUE);
      writer.writeForeignMember("d", true);
    }

    assertThat(out.toString(StandardCharsets.UTF_8)).endsWith(
        "],\"a\":1.25,\"b\":10.50,\"c\":9223372036854775807,\"d\":true}");
  }

  @Test
  void closeLeavesTheOutputStreamOpen() {
    boolean[] closed = {false};
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };

    GeoJsonWriter.featureCollection(out).close();

    assertThat(closed[0]).isFalse();
  }

  @Test
  void failedFeatureLeavesTheDocumentVisiblyIncomplete() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GeoJsonWriter writer = GeoJsonWriter.featureCollection(out);
    var bad = GeoJsonTesting.WGS84.createPoint(new Coordinate(Double.NaN, 1));

    assertThatThrownBy(() -> writer.writeFeature("1", bad, "{}")).isInstanceOf(IllegalArgumentException.class);
    writer.close();

    assertThat(GeoJsonTesting.readError(out.toString(StandardCharsets.UTF_8)).code()).isEqualTo("malformed_json");
  }
}
