package dev.tessera.engine.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opt-in repair: invalid geometries become valid ones (and are counted) instead of failing the import. */
class GeoJsonRepairTest {
  private static final String BOWTIE_AND_SQUARE =
      """
      {"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]},"properties":{"n":1}},
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[5,5],[6,5],[6,6],[5,6],[5,5]]]},"properties":{"n":2}}]}""";

  private static List<GeoJsonFeature> readAll(GeoJsonFeatureReader reader) {
    List<GeoJsonFeature> all = new ArrayList<>();
    reader.forEachRemaining(all::add);
    return all;
  }

  @Test
  void aSelfIntersectingPolygonIsRepairedIntoAValidGeometryAndCounted() {
    try (var reader = GeoJsonFeatureReader.open(stream(BOWTIE_AND_SQUARE), true)) {
      List<GeoJsonFeature> features = readAll(reader);
      assertThat(features).hasSize(2);
      assertThat(features.get(0).geometry().isValid()).isTrue();
      assertThat(features.get(0).geometry().getGeometryType()).isEqualTo("MultiPolygon");
      assertThat(features.get(0).geometry().getArea()).isEqualTo(2.0);
      assertThat(features.get(0).geometry().getSRID()).isEqualTo(4326);
      assertThat(features.get(1).geometry().toText()).isEqualTo("POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))");
      assertThat(reader.repairedCount()).isEqualTo(1);
    }
  }

  @Test
  void withoutRepairTheSameDocumentIsRejected() {
    try (var reader = GeoJsonFeatureReader.open(stream(BOWTIE_AND_SQUARE))) {
      assertThatThrownBy(() -> readAll(reader))
          .isInstanceOfSatisfying(GeoJsonException.class, e -> assertThat(e.code()).isEqualTo("invalid_geometry"));
    }
  }

  private static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
