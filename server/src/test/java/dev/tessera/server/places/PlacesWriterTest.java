package dev.tessera.server.places;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.engine.points.Place;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The byte-level JSON and GeoJSON writers, read back by Jackson (an independent parser). */
class PlacesWriterTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final UUID LAYER = UUID.fromString("0190aaaa-bbbb-7ccc-8ddd-eeeeffff0001");
  private static final UUID POINT = UUID.fromString("0190abcd-0123-7456-89ab-cdef01234567");
  /** Properties that a naive scanner gets wrong: braces, commas and quotes in strings, nesting, escapes, a member named
   * like one the answer writes itself. */
  private static final String TRICKY =
      """
      { "name": "Zürich \\"HB\\", {x}", "tags": ["a,b", {"c": [1, 2]}], "id": "shadow", "n": -1.5e3,
        "none": null, "ok": true, "tab\\t": "\\u0001" }""";

  private static Place point(String properties) {
    return new Place(false, 0, 1, 8.540192, 47.378177, 0, POINT, StoredPoint.of(42, properties));
  }

  private static final Place CLUSTER = new Place(true, (3L << 32) | 17, 250, -179.25, -16.5, 7, null, null);

  private static PlacesQuery query(Set<String> fields, PlacesFormat format) {
    return new PlacesQuery(List.of("sta\"tions"), -180, -90, 180, 90, 6.5, 500, fields, format);
  }

  private static JsonNode write(Set<String> fields, PlacesFormat format, Place... places) {
    byte[] bytes =
        PlacesWriter.write(
            List.of(new DatasetAnswer("sta\"tions", LAYER, List.of(places), true)), query(fields, format), true);
    return JSON.readTree(bytes);
  }

  @Test
  void jsonKeyedByDatasetCopiesEveryPropertyButTheAnswersOwnMembers() {
    JsonNode answer = write(null, PlacesFormat.JSON, CLUSTER, point(TRICKY));
    JsonNode items = answer.get("sta\"tions");
    assertThat(items).hasSize(2);
    JsonNode cluster = items.get(0);
    assertThat(cluster.get("cluster").asBoolean()).isTrue();
    assertThat(cluster.get("cluster_id").asString()).isEqualTo(LAYER + "." + ((3L << 32) | 17));
    assertThat(cluster.get("count").asInt()).isEqualTo(250);
    assertThat(cluster.get("lng").asDouble()).isEqualTo(-179.25);
    assertThat(cluster.get("expansion_zoom").asInt()).isEqualTo(7);
    JsonNode p = items.get(1);
    assertThat(p.get("id").asString()).isEqualTo(POINT.toString());
    assertThat(p.get("lat").asDouble()).isEqualTo(47.378177);
    assertThat(p.get("lng").asDouble()).isEqualTo(8.540192);
    JsonNode stored = JSON.readTree(TRICKY);
    for (String name : List.of("name", "tags", "n", "none", "ok", "tab\t")) {
      assertThat(p.get(name)).as(name).isEqualTo(stored.get(name));
    }
    assertThat(p.propertyNames()).containsExactly("id", "lat", "lng", "name", "tags", "n", "none", "ok", "tab\t");
    assertThat(answer.at("/_meta/zoom").asDouble()).isEqualTo(6.5);
    assertThat(answer.at("/_meta/clustered").asBoolean()).isTrue();
    assertThat(answer.at("/_meta/truncated").get("sta\"tions").asBoolean()).isTrue();
  }

  @Test
  void fieldsChooseProperties() {
    Set<String> fields = new LinkedHashSet<>(List.of("tab\t", "tags", "id", "missing"));
    JsonNode p = write(fields, PlacesFormat.JSON, point(TRICKY)).get("sta\"tions").get(0);
    assertThat(p.propertyNames()).containsExactly("id", "lat", "lng", "tags", "tab\t");
    assertThat(p.get("id").asString()).isEqualTo(POINT.toString());
    assertThat(write(Set.of(), PlacesFormat.JSON, point(TRICKY)).get("sta\"tions").get(0).propertyNames())
        .containsExactly("id", "lat", "lng");
  }

  @Test
  void pointsWithoutPropertiesOrWithNonObjectPropertiesHaveNone() {
    for (String properties : new String[] {null, "", "{}", "[1,2]", "  { }  "}) {
      JsonNode p = write(null, PlacesFormat.JSON, point(properties)).get("sta\"tions").get(0);
      assertThat(p.propertyNames()).as(String.valueOf(properties)).containsExactly("id", "lat", "lng");
    }
  }

  @Test
  void geoJsonIsAFeatureCollection() {
    JsonNode fc = write(Set.of("name"), PlacesFormat.GEOJSON, CLUSTER, point(TRICKY));
    assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
    JsonNode cluster = fc.get("features").get(0);
    assertThat(cluster.get("id").asString()).isEqualTo(LAYER + "." + ((3L << 32) | 17));
    assertThat(cluster.at("/geometry/coordinates/0").asDouble()).isEqualTo(-179.25);
    assertThat(cluster.at("/properties/point_count").asInt()).isEqualTo(250);
    JsonNode p = fc.get("features").get(1);
    assertThat(p.get("id").asString()).isEqualTo(POINT.toString());
    assertThat(p.at("/geometry/coordinates/1").asDouble()).isEqualTo(47.378177);
    assertThat(p.get("properties").propertyNames()).containsExactly("dataset", "name");
    assertThat(p.at("/properties/name").asString()).isEqualTo("Zürich \"HB\", {x}");
    assertThat(p.at("/properties/dataset").asString()).isEqualTo("sta\"tions");
    assertThat(fc.at("/truncated").get("sta\"tions").asBoolean()).isTrue();
  }

  @Test
  void namesOutsideAsciiAndControlCharactersAreEscapedOrEncoded() {
    JsonBytes out = new JsonBytes(4);
    out.raw('[').string("a\u0000b\n\"\\").raw(',').string("données 🗺").raw(']');
    JsonNode read = JSON.readTree(out.toByteArray());
    assertThat(read.get(0).asString()).isEqualTo("a\u0000b\n\"\\");
    assertThat(read.get(1).asString()).isEqualTo("données 🗺");
  }
}
