package dev.tessera.server.feature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.server.store.GeometryFactories;
import dev.tessera.server.store.Ids;
import dev.tessera.server.store.Rows;
import dev.tessera.server.store.StoreFixture;
import dev.tessera.server.store.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** What every store must do for features: exact round trips, spatial filtering, paging, stats. */
abstract class FeatureRepositoryContract {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FeatureRepository features;
  private StoreFixture fixture;
  private UUID layer;

  abstract DataSource dataSource();

  @BeforeEach
  void setUp() {
    TestDatabases.truncate(dataSource());
    features = new JdbcFeatureRepository(new JdbcTemplate(dataSource()), TestDatabases.dialect(dataSource()));
    fixture = new StoreFixture(dataSource());
    layer = fixture.layer(fixture.user("u@example.org"), "vector", false);
  }

  static Geometry wkt(String wkt) {
    try {
      Geometry g = new WKTReader(GeometryFactories.WGS84).read(wkt);
      g.setSRID(4326);
      return g;
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Feature feature(String wkt, String properties) {
    Instant now = Rows.now();
    return new Feature(Ids.newId(), layer, wkt(wkt), properties, 0, now, now);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "POINT (4.123456789012 54.987654321098)",
        "LINESTRING (2.5 54.5, 3.5 54.5, 3.5 55.5)",
        "POLYGON ((2.5 54.5, 3.5 54.5, 3.5 55.5, 2.5 55.5, 2.5 54.5), (2.8 54.8, 2.8 55.2, 3.2 55.2, 3.2 54.8, 2.8 54.8))",
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((2 2, 3 2, 3 3, 2 3, 2 2)))",
        "MULTIPOINT ((0 0), (-179.9 -89.9))",
        "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))",
        "GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1))"
      })
  void geometriesRoundTripExactly(String wkt) {
    Feature f = feature(wkt, "{\"name\":\"x\"}");
    features.insertAll(List.of(f));
    Feature read = features.findById(layer, f.id()).orElseThrow();
    assertThat(read.geometry().equalsExact(f.geometry())).as(read.geometry().toText()).isTrue();
    assertThat(read.geometry().getSRID()).isEqualTo(4326);
    assertThat(read.createdAt()).isEqualTo(f.createdAt());
  }

  @Test
  void propertiesRoundTripWithTheirJsonTypes() {
    String properties = "{\"name\":\"Dogger Bank\",\"area_km2\":1200,\"ratio\":0.5,\"open\":false,\"tags\":[\"a\",1],"
        + "\"nested\":{\"k\":null}}";
    Feature f = feature("POINT (1 1)", properties);
    features.insertAll(List.of(f));
    String read = features.findById(layer, f.id()).orElseThrow().propertiesJson();
    assertThat(JSON.readTree(read)).isEqualTo(JSON.readTree(properties));
  }

  @Test
  void bboxReturnsOnlyFeaturesWhoseGeometryIntersects() {
    Feature inside = feature("POINT (4.5 53.5)", "{}");
    Feature outside = feature("POINT (10 10)", "{}");
    // An L whose envelope covers the box but whose shape does not touch it.
    Feature envelopeOnly = feature("POLYGON ((0 0, 10 0, 10 1, 1 1, 1 10, 0 10, 0 0))", "{}");
    features.insertAll(List.of(inside, outside, envelopeOnly));
    List<Feature> found = features.page(layer, new Envelope(4, 5, 53, 54), null, 100);
    assertThat(found).extracting(Feature::id).containsExactly(inside.id());
  }

  @Test
  void pagesFollowIdOrderWithoutGapsOrRepeats() {
    List<Feature> all = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      all.add(feature("POINT (" + i + " 1)", "{\"i\":" + i + "}"));
    }
    features.insertAll(all);
    List<UUID> seen = new ArrayList<>();
    UUID after = null;
    for (int page = 0; page < 10; page++) {
      List<Feature> p = features.page(layer, null, after, 10);
      if (p.isEmpty()) {
        break;
      }
      p.forEach(f -> seen.add(f.id()));
      after = p.getLast().id();
    }
    assertThat(seen).containsExactlyElementsOf(all.stream().map(Feature::id).toList());
  }

  @Test
  void streamedPagesSkipAndLimitInIdOrderAfterTheFilters() {
    UUID otherLayer = fixture.layer(fixture.user("v@example.org"), "vector", false);
    features.insertAll(
        List.of(new Feature(Ids.newId(), otherLayer, wkt("POINT (0.5 0.5)"), "{}", 0, Rows.now(), Rows.now())));
    List<Feature> all = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // Even-numbered features lie inside the box (0,0)-(100,1), odd ones outside it.
      all.add(feature("POINT (" + i + " " + (i % 2 == 0 ? "0.5" : "5") + ")", "{\"i\":" + i + "}"));
    }
    features.insertAll(all);
    List<UUID> ids = all.stream().map(Feature::id).toList();

    List<UUID> streamed = new ArrayList<>();
    features.forEachInPage(layer, null, null, 3, 4, f -> streamed.add(f.id()));
    assertThat(streamed).containsExactlyElementsOf(ids.subList(3, 7));

    streamed.clear();
    features.forEachInPage(layer, null, ids.get(5), 2, 100, f -> streamed.add(f.id()));
    assertThat(streamed).containsExactlyElementsOf(ids.subList(8, 12));

    streamed.clear();
    features.forEachInPage(layer, new Envelope(0, 100, 0, 1), null, 1, 2, f -> streamed.add(f.id()));
    assertThat(streamed).containsExactly(ids.get(2), ids.get(4));

    streamed.clear();
    features.forEachInPage(layer, null, null, 12, 5, f -> streamed.add(f.id()));
    assertThat(streamed).isEmpty();
  }

  @Test
  void forEachStreamsEveryFeatureOfTheLayerOnly() {
    UUID otherLayer = fixture.layer(fixture.user("v@example.org"), "vector", false);
    features.insertAll(List.of(feature("POINT (1 1)", "{}"), feature("POINT (2 2)", "{}")));
    features.insertAll(
        List.of(new Feature(Ids.newId(), otherLayer, wkt("POINT (3 3)"), "{}", 0, Rows.now(), Rows.now())));
    List<Feature> streamed = new ArrayList<>();
    features.forEach(layer, streamed::add);
    assertThat(streamed).hasSize(2).allMatch(f -> f.layerId().equals(layer));
  }

  @Test
  void fidsArePositiveUniqueSmallAndSurviveUpdates() {
    Feature a = feature("POINT (1 1)", "{}");
    features.insertAll(List.of(a, feature("POINT (2 2)", "{}"), feature("POINT (3 3)", "{}")));
    Map<UUID, Long> fids = new HashMap<>();
    features.forEachWithFid(layer, (fid, f) -> fids.put(f.id(), fid));
    assertThat(fids).hasSize(3);
    assertThat(new HashSet<>(fids.values())).hasSize(3).allMatch(fid -> fid > 0 && fid < 1_000_000);
    features.update(new Feature(a.id(), layer, wkt("POINT (9 9)"), "{}", 0, a.createdAt(), Rows.now()));
    Map<UUID, Long> after = new HashMap<>();
    features.forEachWithFid(layer, (fid, f) -> after.put(f.id(), fid));
    assertThat(after).isEqualTo(fids);
  }

  @Test
  void fidsAreReadBackByIdForTheLayerOnly() {
    UUID otherLayer = fixture.layer(fixture.user("w@example.org"), "vector", false);
    Feature a = feature("POINT (1 1)", "{}");
    Feature b = feature("POINT (2 2)", "{}");
    Feature elsewhere = new Feature(Ids.newId(), otherLayer, wkt("POINT (3 3)"), "{}", 0, Rows.now(), Rows.now());
    features.insertAll(List.of(a, b));
    features.insertAll(List.of(elsewhere));
    Map<UUID, Long> expected = new HashMap<>();
    features.forEachWithFid(layer, (fid, f) -> expected.put(f.id(), fid));
    List<UUID> asked = new ArrayList<>(List.of(a.id(), b.id(), elsewhere.id(), Ids.newId()));
    for (int i = 0; i < 600; i++) {
      asked.add(Ids.newId()); // more than one IN list
    }
    assertThat(features.fids(layer, asked)).isEqualTo(expected).containsOnlyKeys(a.id(), b.id());
  }

  @Test
  void forEachPointGivesEachFeaturesPointAndProperties() {
    Feature point = feature("POINT (3.5 -2.25)", "{\"name\":\"p\"}");
    Feature square = feature("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", "{}");
    features.insertAll(List.of(point, square));
    java.util.Map<UUID, double[]> seen = new java.util.HashMap<>();
    java.util.Map<UUID, String> properties = new java.util.HashMap<>();
    java.util.Map<UUID, Long> fids = new java.util.HashMap<>();
    features.forEachPoint(layer, (id, fid, lon, lat, json) -> {
      seen.put(id, new double[] {lon, lat});
      properties.put(id, json);
      fids.put(id, fid);
    });
    assertThat(seen.get(point.id())).containsExactly(3.5, -2.25);
    Map<UUID, Long> expected = new HashMap<>();
    features.forEachWithFid(layer, (fid, f) -> expected.put(f.id(), fid));
    assertThat(fids).isEqualTo(expected);
    assertThat(JSON.readTree(properties.get(point.id())).get("name").asString()).isEqualTo("p");
    double[] inSquare = seen.get(square.id());
    assertThat(inSquare[0]).isBetween(0.0, 2.0);
    assertThat(inSquare[1]).isBetween(0.0, 2.0);
  }

  @Test
  void updateAndDeleteChangeOnlyTheNamedFeature() {
    Feature a = feature("POINT (1 1)", "{\"v\":1}");
    Feature b = feature("POINT (2 2)", "{\"v\":2}");
    features.insertAll(List.of(a, b));
    Feature moved = new Feature(a.id(), layer, wkt("POINT (5 5)"), "{\"v\":3}", 0, a.createdAt(), Rows.now());
    assertThat(features.update(moved)).isTrue();
    assertThat(features.findById(layer, a.id()).orElseThrow().geometry().toText()).isEqualTo("POINT (5 5)");
    assertThat(features.findById(layer, b.id()).orElseThrow().propertiesJson()).contains("2");
    assertThat(features.delete(layer, a.id())).isTrue();
    assertThat(features.delete(layer, a.id())).isFalse();
    assertThat(features.findById(layer, b.id())).isPresent();
  }

  @Test
  void statsCountAndBoundTheLayer() {
    assertThat(features.stats(layer)).isEqualTo(new FeatureStats(0, null, false));
    features.insertAll(List.of(feature("POINT (2.5 54.5)", "{}"), feature("MULTIPOINT ((3 54), (3.5 54.2))", "{}")));
    assertThat(features.stats(layer).pointsOnly()).as("points and multipoints only").isTrue();
    Feature polygon = feature("POLYGON ((4 53, 5 53, 5 54, 4 54, 4 53))", "{}");
    features.insertAll(List.of(polygon));
    FeatureStats stats = features.stats(layer);
    assertThat(stats.count()).isEqualTo(3);
    assertThat(stats.bounds()).isEqualTo(new Envelope(2.5, 5, 53, 54.5));
    assertThat(stats.pointsOnly()).as("a polygon among them").isFalse();
    features.delete(layer, polygon.id());
    assertThat(features.stats(layer).pointsOnly()).isTrue();
  }
}
