package dev.tessera.engine.geojson;

import static dev.tessera.engine.geojson.GeoJsonTesting.readAll;
import static dev.tessera.engine.geojson.GeoJsonTesting.readOne;
import static dev.tessera.engine.geojson.GeoJsonTesting.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class GeoJsonFeatureReaderTest {
  private static final String POINT = "{\"type\":\"Point\",\"coordinates\":[1,2]}";

  @Test
  void foreignMembersBeforeAndAfterFeaturesAreSkipped() {
    String json = "{\"name\":\"roads\",\"bbox\":[0,0,1,1],\"metadata\":{\"a\":[1,{\"b\":2}],\"features\":3},"
        + "\"type\":\"FeatureCollection\",\"features\":["
        + GeoJsonTesting.feature(POINT, "{\"n\":1}") + "," + GeoJsonTesting.feature(POINT, "{\"n\":2}")
        + "],\"links\":[{\"href\":\"x\"}],\"numberMatched\":2,\"crs\":null}";

    try (GeoJsonFeatureReader reader = GeoJsonFeatureReader.open(stream(json))) {
      assertThat(reader.hasNext()).isTrue();
      assertThat(reader.next().propertiesJson()).isEqualTo("{\"n\":1}");
      assertThat(reader.next().propertiesJson()).isEqualTo("{\"n\":2}");
      assertThat(reader.hasNext()).isFalse();
      assertThat(reader.hasNext()).isFalse();
      assertThat(reader.featuresRead()).isEqualTo(2);
      assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void typeMayFollowTheFeaturesArray() {
    String json = "{\"features\":[" + GeoJsonTesting.feature(POINT, "{}") + "],\"type\":\"FeatureCollection\"}";

    assertThat(readAll(json)).hasSize(1);
  }

  @Test
  void emptyCollectionHasNoFeatures() {
    assertThat(readAll("{\"type\":\"FeatureCollection\",\"features\":[]}")).isEmpty();
  }

  @Test
  void singleFeatureAtTopLevelIsReadWithMembersInAnyOrder() {
    String json = "{\"properties\":{\"a\":1},\"id\":{\"weird\":[1]},\"geometry\":" + POINT
        + ",\"bbox\":[1,2,1,2],\"type\":\"Feature\"}";

    List<GeoJsonFeature> features = readAll(json);

    assertThat(features).singleElement().satisfies(f -> {
      assertThat(f.geometry().toText()).isEqualTo("POINT (1 2)");
      assertThat(f.propertiesJson()).isEqualTo("{\"a\":1}");
    });
  }

  @Test
  void featureMembersMayComeInAnyOrderAndIdsAreIgnored() {
    String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"id\":42,\"properties\":{\"x\":\"y\"},"
        + "\"geometry\":{\"coordinates\":[[0,0],[1,1]],\"bbox\":[0,0,1,1],\"type\":\"LineString\"},"
        + "\"type\":\"Feature\",\"title\":\"foreign\"}]}";

    GeoJsonFeature feature = readAll(json).get(0);

    assertThat(feature.geometry().toText()).isEqualTo("LINESTRING (0 0, 1 1)");
    assertThat(feature.propertiesJson()).isEqualTo("{\"x\":\"y\"}");
  }

  @Test
  void geometryCollectionMembersMayPrecedeType() {
    String json = GeoJsonTesting.collectionWith(
        "{\"geometries\":[" + POINT + ",{\"coordinates\":[[0,0],[2,2]],\"type\":\"LineString\"}],"
            + "\"type\":\"GeometryCollection\"}");

    assertThat(readAll(json).get(0).geometry().toText())
        .isEqualTo("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 2 2))");
  }

  @Test
  void zValuesAreDropped() {
    GeoJsonFeature feature = readAll(GeoJsonTesting.collectionWith(
        "{\"type\":\"LineString\",\"coordinates\":[[0,0,100],[1,1,200.5]]}")).get(0);

    assertThat(feature.geometry().toText()).isEqualTo("LINESTRING (0 0, 1 1)");
    assertThat(Double.isNaN(feature.geometry().getCoordinate().getZ())).isTrue();
  }

  @Test
  void readSingleFeatureReturnsTheFeature() {
    GeoJsonFeature feature = readOne(GeoJsonTesting.feature(POINT, "{\"k\":[true]}"));

    assertThat(feature.geometry().toText()).isEqualTo("POINT (1 2)");
    assertThat(feature.propertiesJson()).isEqualTo("{\"k\":[true]}");
  }

  @Test
  void readSingleFeatureRejectsACollection() {
    assertThatThrownBy(() -> readOne("{\"type\":\"FeatureCollection\",\"features\":[]}"))
        .isInstanceOfSatisfying(GeoJsonException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_type");
          assertThat(e.pointer()).isEqualTo("/type");
        });
    assertThatThrownBy(() -> readOne("{\"features\":[]}"))
        .isInstanceOfSatisfying(GeoJsonException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_type");
          assertThat(e.pointer()).isEqualTo("/features");
        });
  }

  @Test
  void aFeatureMayHaveAForeignMemberNamedFeatures() {
    String json = "{\"type\":\"Feature\",\"features\":[1,2],\"geometry\":" + POINT + "}";

    assertThat(readOne(json).geometry().toText()).isEqualTo("POINT (1 2)");
  }
}
