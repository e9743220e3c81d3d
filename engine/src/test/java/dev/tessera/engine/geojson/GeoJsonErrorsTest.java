package dev.tessera.engine.geojson;

import static dev.tessera.engine.geojson.GeoJsonTesting.collectionWith;
import static dev.tessera.engine.geojson.GeoJsonTesting.feature;
import static dev.tessera.engine.geojson.GeoJsonTesting.readError;
import static dev.tessera.engine.geojson.GeoJsonTesting.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoJsonErrorsTest {
  private static final String POINT = "{\"type\":\"Point\",\"coordinates\":[1,2]}";

  @Test
  void malformedJsonReportsLineAndColumn() {
    GeoJsonException e = readError("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [ {,\n]}");

    assertThat(e.code()).isEqualTo("malformed_json");
    assertThat(e.featureIndex()).isZero();
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(18);
    assertThat(e.getMessage()).contains("line 3", "column 18");
  }

  @Test
  void truncatedEmptyAndTrailingDocumentsAreMalformed() {
    assertThat(readError("{\"type\":\"FeatureCollection\",\"features\":[").code()).isEqualTo("malformed_json");
    assertThat(readError("").code()).isEqualTo("malformed_json");
    assertThat(readError("{\"type\":\"FeatureCollection\",\"features\":[]} {}").code()).isEqualTo("malformed_json");
  }

  @Test
  void rootWithoutTypeIsRejectedAtRoot() {
    GeoJsonException e = readError("{\"foo\":1}");

    assertThat(e.code()).isEqualTo("invalid_type");
    assertThat(e.pointer()).isEmpty();
    assertThat(e.featureIndex()).isEqualTo(-1);
    assertThat(e.getMessage()).contains("the document root");
  }

  @Test
  void bareGeometryDocumentIsRejectedAsWrongType() {
    GeoJsonException e = readError(POINT);

    assertThat(e.code()).isEqualTo("invalid_type");
    assertThat(e.pointer()).isEqualTo("/type");
  }

  @Test
  void nonObjectDocumentIsRejectedAsWrongType() {
    assertThat(readError("[1,2]").code()).isEqualTo("invalid_type");
  }

  @Test
  void wrongFeatureTypeIsRejectedWithPointerAndIndex() {
    String json = "{\"type\":\"FeatureCollection\",\"features\":[" + feature(POINT, "{}")
        + ",{\"type\":\"Featur\",\"geometry\":" + POINT + "}]}";

    GeoJsonException e = readError(json);

    assertThat(e.code()).isEqualTo("invalid_type");
    assertThat(e.pointer()).isEqualTo("/features/1/type");
    assertThat(e.featureIndex()).isEqualTo(1);
    assertThat(e.getMessage()).contains("\"Featur\"", "/features/1/type");
  }

  @Test
  void featureWithoutTypeIsRejected() {
    GeoJsonException e = readError("{\"type\":\"FeatureCollection\",\"features\":[{\"geometry\":" + POINT + "}]}");

    assertThat(e.code()).isEqualTo("invalid_type");
    assertThat(e.pointer()).isEqualTo("/features/0");
  }

  @Test
  void nonObjectFeatureIsRejected() {
    GeoJsonException e = readError("{\"type\":\"FeatureCollection\",\"features\":[" + feature(POINT, "{}") + ",7]}");

    assertThat(e.code()).isEqualTo("invalid_type");
    assertThat(e.pointer()).isEqualTo("/features/1");
    assertThat(e.featureIndex()).isEqualTo(1);
  }

  @Test
  void unknownGeometryTypeIsRejected() {
    GeoJsonException e = readError(collectionWith("{\"type\":\"Circle\",\"coordinates\":[1,2]}"));

    assertThat(e.code()).isEqualTo("invalid_type");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry/type");
    assertThat(e.getMessage()).contains("Circle");
  }

  @Test
  void geometryWithoutTypeIsRejected() {
    GeoJsonException e = readError(collectionWith("{\"coordinates\":[1,2]}"));

    assertThat(e.code()).isEqualTo("invalid_type");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "{\"type\":\"Point\",\"coordinates\":[1]}                    | /features/0/geometry/coordinates",
    "{\"type\":\"Point\",\"coordinates\":[\"a\",2]}              | /features/0/geometry/coordinates/0",
    "{\"type\":\"Point\",\"coordinates\":[1,2,3,4]}              | /features/0/geometry/coordinates/3",
    "{\"type\":\"Point\",\"coordinates\":[1,1e400]}              | /features/0/geometry/coordinates/1",
    "{\"type\":\"Point\",\"coordinates\":[[1,2]]}                | /features/0/geometry/coordinates/0",
    "{\"type\":\"LineString\",\"coordinates\":[[0,0],[3,\"x\"]]}  | /features/0/geometry/coordinates/1/1",
    "{\"type\":\"LineString\",\"coordinates\":[0,0]}             | /features/0/geometry/coordinates/0",
    "{\"type\":\"LineString\",\"coordinates\":[[0,0],[]]}        | /features/0/geometry/coordinates/1",
    "{\"type\":\"MultiPoint\",\"coordinates\":[[],[1,2]]}        | /features/0/geometry/coordinates/0",
    "{\"type\":\"Polygon\",\"coordinates\":[[0,0],[1,0],[0,1]]}  | /features/0/geometry/coordinates/0/0",
    "{\"coordinates\":[[[[1,2]]]],\"type\":\"Polygon\"}          | /features/0/geometry/coordinates/0/0/0",
  })
  void badPositionIsRejectedWithPointer(String geometry, String pointer) {
    GeoJsonException e = readError(collectionWith(geometry));

    assertThat(e.code()).isEqualTo("invalid_position");
    assertThat(e.pointer()).isEqualTo(pointer);
    assertThat(e.featureIndex()).isZero();
  }

  @Test
  void longitudeOutOfRangeIsRejectedWithValue() {
    GeoJsonException e = readError(collectionWith("{\"type\":\"LineString\",\"coordinates\":[[0,0],[181.5,0]]}"));

    assertThat(e.code()).isEqualTo("coordinate_out_of_range");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry/coordinates/1");
    assertThat(e.getMessage()).contains("181.5");
  }

  @Test
  void latitudeOutOfRangeInAHoleIsRejectedWithPointer() {
    GeoJsonException e = readError(collectionWith("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],"
        + "[0,0]]],[[[0,0],[9,0],[9,9],[0,0]],[[1,1],[1,2],[1,-91],[1,1]]]]}"));

    assertThat(e.code()).isEqualTo("coordinate_out_of_range");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry/coordinates/1/1/2");
    assertThat(e.getMessage()).contains("-91.0");
  }

  @Test
  void outOfRangePointInACollectionMemberIsRejectedWithPointer() {
    GeoJsonException e = readError(collectionWith("{\"type\":\"GeometryCollection\",\"geometries\":[" + POINT
        + ",{\"type\":\"MultiPoint\",\"coordinates\":[[0,0],[0,95]]}]}"));

    assertThat(e.code()).isEqualTo("coordinate_out_of_range");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry/geometries/1/coordinates/1");
  }

  @Test
  void lineStringWithOnePositionIsInvalid() {
    GeoJsonException e = readError(collectionWith("{\"type\":\"LineString\",\"coordinates\":[[0,0]]}"));

    assertThat(e.code()).isEqualTo("invalid_geometry");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry/coordinates");
  }

  @Test
  void ringWithTooFewPositionsIsInvalid() {
    GeoJsonException e = readError(collectionWith(
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[9,0],[9,9],[0,0]],[[1,1],[2,2],[1,1]]]}"));

    assertThat(e.code()).isEqualTo("invalid_geometry");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry/coordinates/1");
    assertThat(e.getMessage()).contains("at least 4 positions, found 3");
  }

  @Test
  void unclosedRingIsRejectedWithPointer() {
    String json = "{\"type\":\"FeatureCollection\",\"features\":[" + feature(POINT, "{}") + ","
        + feature("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}", "{}") + "]}";

    GeoJsonException e = readError(json);

    assertThat(e.code()).isEqualTo("invalid_geometry");
    assertThat(e.pointer()).isEqualTo("/features/1/geometry/coordinates/0");
    assertThat(e.featureIndex()).isEqualTo(1);
    assertThat(e.getMessage()).contains("not closed", "[0.0, 0.0]", "[0.0, 1.0]");
  }

  @Test
  void selfIntersectingPolygonIsRejectedNotRepaired() {
    GeoJsonException e = readError(collectionWith(
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}"));

    assertThat(e.code()).isEqualTo("invalid_geometry");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry");
    assertThat(e.getMessage()).contains("Self-intersection", "[1.0, 1.0]");
  }

  @Test
  void invalidCollectionMemberIsNamedByPointer() {
    GeoJsonException e = readError(collectionWith("{\"type\":\"GeometryCollection\",\"geometries\":[" + POINT
        + ",{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}]}"));

    assertThat(e.code()).isEqualTo("invalid_geometry");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry/geometries/1");
  }

  @Test
  void nullGeometryIsMissing() {
    GeoJsonException e = readError(collectionWith("null"));

    assertThat(e.code()).isEqualTo("missing_geometry");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry");
    assertThat(e.featureIndex()).isZero();
  }

  @Test
  void absentGeometryIsMissing() {
    GeoJsonException e = readError("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"}]}");

    assertThat(e.code()).isEqualTo("missing_geometry");
    assertThat(e.pointer()).isEqualTo("/features/0");
  }

  @Test
  void geometryThatIsNotAnObjectIsInvalid() {
    GeoJsonException e = readError(collectionWith("\"POINT (1 2)\""));

    assertThat(e.code()).isEqualTo("invalid_geometry");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry");
  }

  @Test
  void missingCoordinatesAreInvalid() {
    GeoJsonException e = readError(collectionWith("{\"type\":\"Point\"}"));

    assertThat(e.code()).isEqualTo("invalid_geometry");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry");
  }

  @Test
  void nonObjectPropertiesAreRejected() {
    GeoJsonException e = readError("{\"type\":\"FeatureCollection\",\"features\":[" + feature(POINT, "[1]") + "]}");

    assertThat(e.code()).isEqualTo("invalid_properties");
    assertThat(e.pointer()).isEqualTo("/features/0/properties");
  }

  @Test
  void collectionWithoutFeaturesIsRejected() {
    GeoJsonException e = readError("{\"type\":\"FeatureCollection\"}");

    assertThat(e.code()).isEqualTo("missing_features");
    assertThat(e.pointer()).isEmpty();
  }

  @Test
  void unknownCrsIsRejectedNamingIt() {
    GeoJsonException e = readError("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
        + "{\"name\":\"EPSG:999999\"}},\"features\":[]}");

    assertThat(e.code()).isEqualTo("unknown_crs");
    assertThat(e.pointer()).isEqualTo("/crs/properties/name");
    assertThat(e.getMessage()).contains("EPSG:999999");
  }

  @Test
  void linkedCrsIsRejectedAsUnknown() {
    GeoJsonException e = readError("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"link\",\"properties\":"
        + "{\"href\":\"http://example.com/crs\",\"type\":\"proj4\"}},\"features\":[]}");

    assertThat(e.code()).isEqualTo("unknown_crs");
    assertThat(e.pointer()).isEqualTo("/crs");
  }

  @Test
  void projectedCrsAfterFeaturesIsRejected() {
    String json = "{\"type\":\"FeatureCollection\",\"features\":[" + feature(POINT, "{}") + "],"
        + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}}}";

    try (GeoJsonFeatureReader reader = GeoJsonFeatureReader.open(stream(json))) {
      assertThat(reader.next()).isNotNull();
      assertThatThrownBy(reader::hasNext).isInstanceOfSatisfying(GeoJsonException.class, e -> {
        assertThat(e.code()).isEqualTo("crs_after_features");
        assertThat(e.pointer()).isEqualTo("/crs");
        assertThat(e.featureIndex()).isEqualTo(-1);
      });
    }
  }

  @Test
  void wgs84CrsAfterFeaturesIsAccepted() {
    String json = "{\"type\":\"FeatureCollection\",\"features\":[" + feature(POINT, "{}") + "],"
        + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}}}";

    assertThat(GeoJsonTesting.readAll(json)).hasSize(1);
  }

  @Test
  void errorEndsTheIterationAndIsRethrown() {
    String json = "{\"type\":\"FeatureCollection\",\"features\":[" + feature(POINT, "{}") + ","
        + feature(POINT, "{}") + "," + feature("{\"type\":\"Point\",\"coordinates\":[200,0]}", "{}") + "]}";

    try (GeoJsonFeatureReader reader = GeoJsonFeatureReader.open(stream(json))) {
      reader.next();
      reader.next();
      GeoJsonException first = catchThrowableOfType(GeoJsonException.class, reader::hasNext);
      assertThat(first.featureIndex()).isEqualTo(2);
      assertThat(first.pointer()).isEqualTo("/features/2/geometry/coordinates");
      assertThat(reader.featuresRead()).isEqualTo(2);
      assertThatThrownBy(reader::next).isSameAs(first);
    }
  }
}
