package dev.tessera.engine.proj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

class CrsTest {
  private static final GeometryFactory MERCATOR = new GeometryFactory(new PrecisionModel(), 3857);
  private static final double TEN_DEGREES_IN_METRES = 1113194.9079327357;

  @ParameterizedTest
  @CsvSource({
    "EPSG:3857, 3857",
    "epsg:2154, 2154",
    "urn:ogc:def:crs:EPSG::3857, 3857",
    "urn:ogc:def:crs:EPSG:6.6:32632, 32632",
    "urn:ogc:def:crs:OGC:1.3:CRS84, 4326",
    "CRS84, 4326",
    "http://www.opengis.net/def/crs/EPSG/0/27700, 27700",
    "https://www.opengis.net/def/crs/EPSG/0/4326, 4326",
    "http://www.opengis.net/def/crs/OGC/1.3/CRS84, 4326",
    "https://www.opengis.net/def/crs/OGC/1.3/CRS84, 4326",
  })
  void knownSpellingsParseToTheirEpsgCode(String name, int code) {
    Crs crs = Crs.parse(name);

    assertThat(crs.epsgCode()).isEqualTo(code);
    assertThat(crs.name()).isEqualTo("EPSG:" + code);
    assertThat(crs.isWgs84()).isEqualTo(code == 4326);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "foo", "EPSG:", "EPSG:abc", "EPSG:-1", "EPSG:0", "EPSG:12345678901",
      "urn:ogc:def:crs:EPSG:3857", "urn:ogc:def:crs:OGC:1.3:CRS83", "http://www.opengis.net/def/crs/EPSG/0/"})
  void unknownSyntaxIsRejectedNamingTheInput(String name) {
    assertThatThrownBy(() -> Crs.parse(name)).isInstanceOfSatisfying(UnknownCrsException.class,
        e -> assertThat(e.crs()).isEqualTo(name));
  }

  @Test
  void codeProjDoesNotDefineIsUnknown() {
    assertThatThrownBy(() -> Crs.parse("EPSG:999999")).isInstanceOfSatisfying(UnknownCrsException.class, e -> {
      assertThat(e.crs()).isEqualTo("EPSG:999999");
      assertThat(e.getMessage()).contains("EPSG:999999");
    });
  }

  @Test
  void crsInstancesAreCachedByCode() {
    assertThat(Crs.parse("EPSG:3857")).isSameAs(Crs.parse("urn:ogc:def:crs:EPSG::3857")).isSameAs(Crs.epsg(3857));
    assertThat(Crs.parse("CRS84")).isSameAs(Crs.wgs84()).isSameAs(Crs.epsg(4326));
  }

  @Test
  void webMercatorTransformsToLonLat() {
    Point mercator = MERCATOR.createPoint(new Coordinate(TEN_DEGREES_IN_METRES, 0));

    Geometry lonLat = Crs.parse("EPSG:3857").toWgs84().transform(mercator);

    assertThat(lonLat.getCoordinate().x).isCloseTo(10.0, within(1e-9));
    assertThat(lonLat.getCoordinate().y).isCloseTo(0.0, within(1e-9));
    assertThat(lonLat.getSRID()).isEqualTo(4326);
    assertThat(mercator.getX()).as("transform() leaves its argument alone").isEqualTo(TEN_DEGREES_IN_METRES);
  }

  @Test
  void transformInPlaceChangesTheGeometry() {
    Point mercator = MERCATOR.createPoint(new Coordinate(0, TEN_DEGREES_IN_METRES));

    double expectedLat = Math.toDegrees(Math.atan(Math.sinh(Math.toRadians(10)))); // inverse spherical Mercator

    Crs.epsg(3857).toWgs84().transformInPlace(mercator);

    assertThat(mercator.getX()).isCloseTo(0.0, within(1e-9));
    assertThat(mercator.getY()).isCloseTo(expectedLat, within(1e-9));
    assertThat(mercator.getEnvelopeInternal().getMaxY()).as("envelope refreshed").isCloseTo(expectedLat, within(1e-9));
  }

  @Test
  void wgs84TransformIsIdentity() {
    Point p = MERCATOR.createPoint(new Coordinate(7, 46));

    Geometry same = Crs.wgs84().toWgs84().transform(p);

    assertThat(Crs.wgs84().toWgs84().isIdentity()).isTrue();
    assertThat(same.toText()).isEqualTo("POINT (7 46)");
    assertThat(same.getSRID()).isEqualTo(4326);
  }

  @Test
  void positionOutsideTheProjectionBecomesNaN() {
    Point p = MERCATOR.createPoint(new Coordinate(30_000_000, 0));

    Geometry out = Crs.epsg(27700).toWgs84().transform(p);

    assertThat(Double.isNaN(out.getCoordinate().x)).isTrue();
  }

  @Test
  void sharedTransformIsSafeAcrossThreads() throws Exception {
    GeometryTransform transform = Crs.epsg(32632).toWgs84();
    double expectedLon = transform.transform(MERCATOR.createPoint(new Coordinate(500000, 5000000))).getCoordinate().x;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            Geometry g = transform.transform(MERCATOR.createPoint(new Coordinate(500000, 5000000)));
            if (g.getCoordinate().x != expectedLon) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(expectedLon).isCloseTo(9.0, within(1e-9));
  }
}
