package dev.tessera.engine.geojson;

import static dev.tessera.engine.geojson.GeoJsonTesting.readAll;
import static dev.tessera.engine.geojson.GeoJsonTesting.readError;
import static dev.tessera.engine.geojson.GeoJsonTesting.readOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;

class GeoJsonCrsTest {
  private static final String MERCATOR_10_0 = "{\"type\":\"Point\",\"coordinates\":[1113194.9079327357,0]}";

  private static String crs(String name) {
    return "{\"type\":\"name\",\"properties\":{\"name\":\"" + name + "\"}}";
  }

  private static void assertLonLat(Geometry geometry, double lon, double lat) {
    Coordinate c = geometry.getCoordinate();
    assertThat(c.x).isCloseTo(lon, within(1e-9));
    assertThat(c.y).isCloseTo(lat, within(1e-9));
    assertThat(geometry.getSRID()).isEqualTo(4326);
  }

  @Test
  void collectionCrsEpsg3857IsTransformedToLonLat() {
    String json = "{\"type\":\"FeatureCollection\",\"crs\":" + crs("EPSG:3857") + ",\"features\":["
        + GeoJsonTesting.feature(MERCATOR_10_0, "{}") + "]}";

    assertLonLat(readAll(json).get(0).geometry(), 10.0, 0.0);
  }

  @Test
  void urnCrsOnAFeatureOverridesTheCollection() {
    String json = "{\"type\":\"FeatureCollection\",\"crs\":" + crs("EPSG:4326") + ",\"features\":["
        + "{\"type\":\"Feature\",\"geometry\":" + MERCATOR_10_0 + ",\"crs\":" + crs("urn:ogc:def:crs:EPSG::3857")
        + "}," + GeoJsonTesting.feature("{\"type\":\"Point\",\"coordinates\":[10,20]}", "{}") + "]}";

    var features = readAll(json);

    assertLonLat(features.get(0).geometry(), 10.0, 0.0);
    assertLonLat(features.get(1).geometry(), 10.0, 20.0);
  }

  @Test
  void crsOfASingleFeatureMayFollowItsGeometry() {
    String json = "{\"type\":\"Feature\",\"geometry\":" + MERCATOR_10_0 + ",\"crs\":" + crs("EPSG:3857") + "}";

    assertLonLat(readOne(json).geometry(), 10.0, 0.0);
  }

  @Test
  void geometryLevelCrsIsHonoured() {
    String geometry = "{\"type\":\"Point\",\"crs\":" + crs("EPSG:3857") + ",\"coordinates\":[1113194.9079327357,0]}";

    assertLonLat(readAll(GeoJsonTesting.collectionWith(geometry)).get(0).geometry(), 10.0, 0.0);
  }

  @Test
  void crs84IsLongitudeLatitudeWithoutTransform() {
    String json = "{\"type\":\"FeatureCollection\",\"crs\":" + crs("urn:ogc:def:crs:OGC:1.3:CRS84")
        + ",\"features\":[" + GeoJsonTesting.feature("{\"type\":\"Point\",\"coordinates\":[7.25,46.5]}", "{}") + "]}";

    assertThat(readAll(json).get(0).geometry().toText()).isEqualTo("POINT (7.25 46.5)");
  }

  @Test
  void epsg4326IsReadAsLongitudeThenLatitude() {
    String json = "{\"type\":\"FeatureCollection\",\"crs\":" + crs("EPSG:4326") + ",\"features\":["
        + GeoJsonTesting.feature("{\"type\":\"Point\",\"coordinates\":[120.5,30.25]}", "{}") + "]}";

    assertThat(readAll(json).get(0).geometry().toText()).isEqualTo("POINT (120.5 30.25)");
  }

  @Test
  void positionOutOfRangeAfterTransformNamesTheSourceCrs() {
    String json = "{\"type\":\"FeatureCollection\",\"crs\":" + crs("EPSG:32632") + ",\"features\":["
        + GeoJsonTesting.feature("{\"type\":\"LineString\",\"coordinates\":[[500000,0],[-30000000,5]]}", "{}")
        + "]}";

    GeoJsonException e = readError(json);

    assertThat(e.code()).isEqualTo("coordinate_out_of_range");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry/coordinates/1");
    assertThat(e.getMessage()).contains("EPSG:32632");
  }

  @Test
  void positionProjCannotTransformIsOutOfRange() {
    String json = "{\"type\":\"FeatureCollection\",\"crs\":" + crs("EPSG:27700") + ",\"features\":["
        + GeoJsonTesting.feature("{\"type\":\"MultiPoint\",\"coordinates\":[[400000,300000],[30000000,0]]}", "{}")
        + "]}";

    GeoJsonException e = readError(json);

    assertThat(e.code()).isEqualTo("coordinate_out_of_range");
    assertThat(e.pointer()).isEqualTo("/features/0/geometry/coordinates/1");
    assertThat(e.getMessage()).contains("cannot be transformed from EPSG:27700");
  }

  @Test
  void oldDraftEpsgCrsIsAccepted() {
    String json = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"EPSG\",\"properties\":{\"code\":3857}},"
        + "\"features\":[" + GeoJsonTesting.feature(MERCATOR_10_0, "{}") + "]}";

    assertLonLat(readAll(json).get(0).geometry(), 10.0, 0.0);
  }

  @Test
  void readGeometryAppliesItsOwnCrs() {
    String json = "{\"type\":\"Point\",\"coordinates\":[1113194.9079327357,0],\"crs\":" + crs("EPSG:3857") + "}";

    try (JsonParser parser = JsonText.READ_FACTORY.createParser(ObjectReadContext.empty(), json)) {
      assertLonLat(GeoJsonFeatureReader.readGeometry(parser), 10.0, 0.0);
    }
  }
}
