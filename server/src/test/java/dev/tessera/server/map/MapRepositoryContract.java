package dev.tessera.server.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every store must do for maps and map layers; run by one subclass per store. */
abstract class MapRepositoryContract {
  private MapRepository maps;
  private StoreFixture fixture;
  private UUID owner;
  private UUID other;

  abstract DataSource dataSource();

  @BeforeEach
  void setUp() {
    TestDatabases.truncate(dataSource());
    maps = new JdbcMapRepository(new JdbcTemplate(dataSource()));
    fixture = new StoreFixture(dataSource());
    owner = fixture.user("owner@example.org");
    other = fixture.user("other@example.org");
  }

  private WebMap map(PermissionLevel level) {
    Instant now = Rows.now();
    WebMap map = new WebMap(Ids.newId(), "North Sea", "demo", 54.5, 4.0, 5.5, "osm", level, owner, 1, now, now);
    maps.insert(map);
    return map;
  }

  @Test
  void insertedMapReadsBackEqual() {
    WebMap map = map(PermissionLevel.COLLABORATORS);
    assertThat(maps.findById(map.id())).contains(map);
    assertThat(maps.lock(map.id())).contains(map);
    assertThat(maps.findById(Ids.newId())).isEmpty();
  }

  @Test
  void updateSucceedsOnlyAgainstTheStoredVersion() {
    WebMap map = map(PermissionLevel.PRIVATE);
    WebMap renamed =
        new WebMap(map.id(), "Renamed", null, 1, 2, 3, null, PermissionLevel.PUBLIC, owner, 2, map.createdAt(), Rows.now());
    assertThat(maps.update(renamed, 1)).isTrue();
    assertThat(maps.update(renamed, 1)).as("a stale version loses").isFalse();
    assertThat(maps.findById(map.id())).contains(renamed);
  }

  @Test
  void touchBumpsTheVersion() {
    WebMap map = map(PermissionLevel.PRIVATE);
    maps.touch(map.id());
    assertThat(maps.findById(map.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void visibilityFollowsPermissionLevelAndCollaborators() {
    WebMap privateMap = map(PermissionLevel.PRIVATE);
    WebMap shared = map(PermissionLevel.COLLABORATORS);
    WebMap open = map(PermissionLevel.PUBLIC);
    UUID collaborator = fixture.user("collab@example.org");
    fixture.collaborator(shared.id(), collaborator, "view");

    assertThat(ids(maps.findVisibleTo(Caller.anonymous()))).containsExactly(open.id());
    assertThat(ids(maps.findVisibleTo(Caller.user(other)))).containsExactly(open.id());
    assertThat(ids(maps.findVisibleTo(Caller.user(collaborator)))).containsExactlyInAnyOrder(open.id(), shared.id());
    assertThat(ids(maps.findVisibleTo(Caller.user(owner))))
        .containsExactlyInAnyOrder(open.id(), shared.id(), privateMap.id());
    assertThat(ids(maps.findVisibleTo(new Caller(other, true)))).hasSize(3);
    assertThat(maps.collaboratorPermission(shared.id(), collaborator)).contains("view");
    assertThat(maps.collaboratorPermission(open.id(), collaborator)).isEmpty();
  }

  @Test
  void layersKeepTheirOrderAndCanBeReordered() {
    WebMap map = map(PermissionLevel.PRIVATE);
    UUID a = fixture.layer(owner, "vector", false);
    UUID b = fixture.layer(owner, "wms", false);
    UUID c = fixture.layer(owner, "geotiff", false);
    for (UUID layer : List.of(a, b, c)) {
      maps.insertLayer(new MapLayer(Ids.newId(), map.id(), layer, maps.layers(map.id()).size(), true, 1.0, Rows.now()));
    }
    assertThat(maps.layers(map.id())).extracting(MapLayer::layerId).containsExactly(a, b, c);

    maps.reorderLayers(map.id(), List.of(c, a, b));
    assertThat(maps.layers(map.id())).extracting(MapLayer::layerId).containsExactly(c, a, b);
    assertThat(maps.layers(map.id())).extracting(MapLayer::displayOrder).containsExactly(0, 1, 2);

    MapLayer first = maps.layers(map.id()).getFirst();
    assertThat(maps.updateLayer(new MapLayer(first.id(), map.id(), c, 0, false, 0.25, first.addedAt()))).isTrue();
    assertThat(maps.layers(map.id()).getFirst()).extracting(MapLayer::isVisible, MapLayer::opacity).containsExactly(false, 0.25);

    assertThat(maps.deleteLayer(map.id(), a)).isTrue();
    assertThat(maps.deleteLayer(map.id(), a)).isFalse();
    assertThat(maps.layers(map.id())).extracting(MapLayer::layerId).containsExactly(c, b);
  }

  @Test
  void aLayerGoesOnAMapOnlyOnce() {
    WebMap map = map(PermissionLevel.PRIVATE);
    UUID layer = fixture.layer(owner, "vector", false);
    maps.insertLayer(new MapLayer(Ids.newId(), map.id(), layer, 0, true, 1.0, Rows.now()));
    assertThatThrownBy(() -> maps.insertLayer(new MapLayer(Ids.newId(), map.id(), layer, 1, true, 1.0, Rows.now())))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void opacityOutsideZeroToOneIsRefusedByTheStore() {
    WebMap map = map(PermissionLevel.PRIVATE);
    UUID layer = fixture.layer(owner, "vector", false);
    assertThatThrownBy(() -> maps.insertLayer(new MapLayer(Ids.newId(), map.id(), layer, 0, true, 1.5, Rows.now())))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void deletingAMapRemovesItsPlacementsButNotTheLayers() {
    WebMap map = map(PermissionLevel.PRIVATE);
    UUID layer = fixture.layer(owner, "vector", false);
    fixture.placeLayer(map.id(), layer, 0);
    assertThat(maps.delete(map.id())).isTrue();
    assertThat(maps.delete(map.id())).isFalse();
    assertThat(fixture.count("map_layers")).isZero();
    assertThat(fixture.count("layers")).isEqualTo(1);
  }

  private static List<UUID> ids(List<WebMap> list) {
    return list.stream().map(WebMap::id).toList();
  }
}
