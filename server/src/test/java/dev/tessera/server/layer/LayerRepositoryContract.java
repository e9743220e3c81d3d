package dev.tessera.server.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.server.security.Caller;
import dev.tessera.server.store.Ids;
import dev.tessera.server.store.Rows;
import dev.tessera.server.store.StoreFixture;
import dev.tessera.server.store.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What every store must do for the layer library. */
abstract class LayerRepositoryContract {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private LayerRepository layers;
  private StoreFixture fixture;
  private UUID creator;

  abstract DataSource dataSource();

  @BeforeEach
  void setUp() {
    TestDatabases.truncate(dataSource());
    layers = new JdbcLayerRepository(new JdbcTemplate(dataSource()), TestDatabases.dialect(dataSource()), JSON);
    fixture = new StoreFixture(dataSource());
    creator = fixture.user("creator@example.org");
  }

  private Layer layer(String name, SourceType type, String category, boolean global) {
    Instant now = Rows.now();
    ObjectNode config = (ObjectNode) JSON.readTree("{\"url\":\"https://example.org/wms\",\"layers\":\"a\",\"n\":[1,2.5]}");
    Layer layer =
        new Layer(
            Ids.newId(), name, null, type, "d", category, creator, Editable.CREATOR_ONLY, global, config,
            JSON.readTree("{\"stroke\":\"#14b8a6\"}"), null, JSON.readTree("{\"doi\":\"10.1/x\"}"), 1, now, now);
    layers.insert(layer);
    return layer;
  }

  @Test
  void insertedLayerReadsBackEqualIncludingItsJson() {
    Layer layer = layer("SST", SourceType.WMS, "oceanography", true);
    assertThat(layers.findById(layer.id())).contains(layer);
    assertThat(layers.lock(layer.id())).contains(layer);
  }

  @Test
  void libraryFiltersBySourceTypeCategoryAndGlobal() {
    Layer wms = layer("A", SourceType.WMS, "oceanography", true);
    Layer vector = layer("B", SourceType.VECTOR, "conservation", false);
    Caller admin = new Caller(creator, true);
    assertThat(layers.findVisibleTo(admin, new LayerFilter(SourceType.VECTOR, null, null))).containsExactly(vector);
    assertThat(layers.findVisibleTo(admin, new LayerFilter(null, "oceanography", null))).containsExactly(wms);
    assertThat(layers.findVisibleTo(admin, new LayerFilter(null, null, false))).containsExactly(vector);
    assertThat(layers.findVisibleTo(admin, LayerFilter.none())).containsExactly(wms, vector);
  }

  @Test
  void aLayerIsVisibleWhenGlobalOwnOrOnAVisibleMap() {
    Layer global = layer("global", SourceType.WMS, null, true);
    Layer own = layer("own", SourceType.VECTOR, null, false);
    Layer onPublicMap = layer("public-map", SourceType.VECTOR, null, false);
    Layer onPrivateMap = layer("private-map", SourceType.VECTOR, null, false);
    fixture.placeLayer(fixture.map(creator, "public"), onPublicMap.id(), 0);
    fixture.placeLayer(fixture.map(creator, "private"), onPrivateMap.id(), 0);
    UUID stranger = fixture.user("s@example.org");

    assertThat(names(layers.findVisibleTo(Caller.anonymous(), LayerFilter.none())))
        .containsExactly("global", "public-map");
    assertThat(names(layers.findVisibleTo(Caller.user(stranger), LayerFilter.none())))
        .containsExactly("global", "public-map");
    assertThat(names(layers.findVisibleTo(Caller.user(creator), LayerFilter.none()))).hasSize(4);
    assertThat(own.isGlobal()).isFalse();
  }

  @Test
  void updateNeedsTheStoredVersion() {
    Layer layer = layer("A", SourceType.WMS, null, false);
    Layer renamed =
        new Layer(
            layer.id(), "B", "b-slug", layer.sourceType(), null, "c", creator, Editable.EVERYONE, true, layer.sourceConfig(), null,
            null, null, 2, layer.createdAt(), Rows.now());
    assertThat(layers.update(renamed, 1)).isTrue();
    assertThat(layers.update(renamed, 1)).isFalse();
    assertThat(layers.findById(layer.id())).contains(renamed);
  }

  @Test
  void deletingALayerRemovesItsFeaturesAndPlacements() {
    Layer layer = layer("A", SourceType.VECTOR, null, false);
    UUID map = fixture.map(creator, "private");
    fixture.placeLayer(map, layer.id(), 0);
    assertThat(layers.mapIds(layer.id())).containsExactly(map);
    assertThat(layers.delete(layer.id())).isTrue();
    assertThat(layers.findById(layer.id())).isEmpty();
    assertThat(fixture.count("map_layers")).isZero();
  }

  private static List<String> names(List<Layer> list) {
    return list.stream().map(Layer::name).toList();
  }
}
