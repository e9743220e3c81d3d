package dev.tessera.engine.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class LivePointIndexTest {
  /** Merges run only when the test says so. */
  private final List<Runnable> pendingMerges = new ArrayList<>();
  private final Executor manual = pendingMerges::add;

  private static List<PointChange.Upsert> grid(int n) {
    List<PointChange.Upsert> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      points.add(new PointChange.Upsert(new UUID(1, i), 10 + (i % 10) * 0.01, 50 + (i / 10) * 0.01, "p" + i));
    }
    return points;
  }

  private static List<Place> answer(LivePointIndex index, double zoom) {
    List<Place> found = new ArrayList<>();
    index.query(-180, -90, 180, 90, zoom, found::add);
    return found;
  }

  private static int total(List<Place> places) {
    return places.stream().mapToInt(Place::count).sum();
  }

  @Test
  void anInsertedPointIsInTheNextAnswerAtEveryZoomBeforeAnyMerge() {
    LivePointIndex index = LivePointIndex.build(grid(100), ClusterOptions.defaults(), manual);
    UUID id = new UUID(2, 1);
    index.apply(List.of(new PointChange.Upsert(id, -40, -20, "new")));
    for (int zoom : new int[] {0, 5, 17}) {
      List<Place> places = answer(index, zoom);
      assertThat(total(places)).isEqualTo(101);
      assertThat(places).anySatisfy(p -> assertThat(p.id()).isEqualTo(id));
    }
    assertThat(pendingMerges).hasSize(1);
  }

  @Test
  void aMovedPointLeavesItsClusterAndAppearsWhereItWentBeforeAnyMerge() {
    LivePointIndex index = LivePointIndex.build(grid(100), ClusterOptions.defaults(), manual);
    UUID moved = new UUID(1, 42);
    index.apply(List.of(new PointChange.Upsert(moved, 100, 0, "moved")));
    List<Place> world = answer(index, 2);
    assertThat(world).filteredOn(Place::cluster).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(99));
    assertThat(world).filteredOn(p -> moved.equals(p.id())).singleElement()
        .satisfies(p -> assertThat(p.lon()).isEqualTo(100.0));
    List<Place> there = new ArrayList<>();
    index.query(9, 49, 11, 51, 17, there::add);
    assertThat(there).hasSize(99).noneMatch(p -> moved.equals(p.id()));
  }

  @Test
  void aDeletedPointIsGoneAndClusterCountsDropBeforeAnyMerge() {
    LivePointIndex index = LivePointIndex.build(grid(100), ClusterOptions.defaults(), manual);
    index.apply(List.of(new PointChange.Remove(new UUID(1, 0)), new PointChange.Remove(new UUID(1, 99))));
    assertThat(total(answer(index, 0))).isEqualTo(98);
    assertThat(answer(index, 17)).hasSize(98);
    assertThat(index.size()).isEqualTo(98);
  }

  @Test
  void aMergeGivesWhatAFreshBuildGivesAndKeepsChangesMadeDuringIt() {
    List<PointChange.Upsert> points = grid(100);
    LivePointIndex index = LivePointIndex.build(points, ClusterOptions.defaults(), manual);
    PointChange.Upsert added = new PointChange.Upsert(new UUID(2, 2), 10.05, 50.05, "added");
    index.apply(List.of(added, new PointChange.Remove(new UUID(1, 5))));
    Runnable merge = pendingMerges.removeFirst();
    merge.run();
    assertThat(index.pendingChanges()).isZero();
    List<PointChange.Upsert> expected = new ArrayList<>(points);
    expected.remove(5);
    expected.add(added);
    LivePointIndex fresh = LivePointIndex.build(expected, ClusterOptions.defaults(), manual);
    for (int zoom = 0; zoom <= 17; zoom++) {
      assertThat(answer(index, zoom)).extracting(Place::count, Place::lon, Place::lat)
          .containsExactlyInAnyOrderElementsOf(
              answer(fresh, zoom).stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.count(), p.lon(), p.lat()))
                  .toList());
    }
  }

  @Test
  void insertedPointsAreFoundInBoxesAcrossTheAntimeridian() {
    LivePointIndex index = LivePointIndex.build(grid(10), ClusterOptions.defaults(), manual);
    index.apply(List.of(
        new PointChange.Upsert(new UUID(3, 1), 179.9, 0, "east"),
        new PointChange.Upsert(new UUID(3, 2), -179.9, 0, "west"),
        new PointChange.Upsert(new UUID(3, 3), 0, 0, "middle")));
    List<Place> found = new ArrayList<>();
    index.query(179, -1, -179, 1, 10, found::add);
    assertThat(found).extracting(Place::payload).containsExactlyInAnyOrder("east", "west");
  }

  @Test
  void clusterIdsOfAnOlderSnapshotAreRefused() {
    LivePointIndex index = LivePointIndex.build(grid(100), ClusterOptions.defaults(), manual);
    Place cluster = answer(index, 0).getFirst();
    assertThat(index.children(cluster.clusterId())).isNotEmpty();
    assertThat(index.leaves(cluster.clusterId(), 500, 0)).hasSize(100);
    index.apply(List.of(new PointChange.Remove(new UUID(1, 3))));
    assertThat(index.leaves(cluster.clusterId(), 500, 0)).hasSize(99);
    pendingMerges.removeFirst().run();
    assertThat(index.children(cluster.clusterId())).isNull();
  }
}
