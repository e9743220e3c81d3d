package dev.tessera.engine.points;

import java.util.ArrayList;
import java.util.List;

/**
 * The test oracle: supercluster's algorithm written the obvious way, one list of items per zoom and a brute-force
 * neighbour search over float coordinates (as supercluster's Float32 k-d tree compares them).
 */
final class NaiveSupercluster {
  record Item(double x, double y, int count) {}

  private final List<List<Item>> levels = new ArrayList<>();
  private final ClusterOptions options;

  NaiveSupercluster(double[] lon, double[] lat, ClusterOptions options) {
    this.options = options;
    List<Item> level = new ArrayList<>();
    for (int i = 0; i < lon.length; i++) {
      level.add(new Item((float) Mercator.x(lon[i]), (float) Mercator.y(lat[i]), 1));
    }
    for (int z = 0; z <= options.maxZoom() + 1; z++) {
      levels.add(null);
    }
    levels.set(options.maxZoom() + 1, level);
    for (int z = options.maxZoom(); z >= options.minZoom(); z--) {
      level = cluster(level, z);
      levels.set(z, level);
    }
  }

  private List<Item> cluster(List<Item> items, int zoom) {
    double r = options.radiusAt(zoom);
    boolean[] visited = new boolean[items.size()];
    List<Item> next = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (visited[i]) {
        continue;
      }
      visited[i] = true;
      Item origin = items.get(i);
      List<Integer> neighbours = new ArrayList<>();
      for (int j = 0; j < items.size(); j++) {
        double dx = (float) items.get(j).x() - origin.x();
        double dy = (float) items.get(j).y() - origin.y();
        if (dx * dx + dy * dy <= r * r && !visited[j]) {
          neighbours.add(j);
        }
      }
      int total = origin.count();
      for (int j : neighbours) {
        total += items.get(j).count();
      }
      if (total > origin.count() && total >= options.minPoints()) {
        double wx = origin.x() * origin.count();
        double wy = origin.y() * origin.count();
        for (int j : neighbours) {
          visited[j] = true;
          wx += items.get(j).x() * items.get(j).count();
          wy += items.get(j).y() * items.get(j).count();
        }
        next.add(new Item(wx / total, wy / total, total));
      } else {
        next.add(origin);
        if (total > 1) {
          for (int j : neighbours) {
            visited[j] = true;
            next.add(items.get(j));
          }
        }
      }
    }
    return next;
  }

  /** Items of the level inside the Mercator box (inclusive, float coordinates). */
  List<Item> query(double minX, double minY, double maxX, double maxY, int level) {
    List<Item> found = new ArrayList<>();
    for (Item item : levels.get(level)) {
      float x = (float) item.x();
      float y = (float) item.y();
      if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
        found.add(item);
      }
    }
    return found;
  }

  int size(int level) {
    return levels.get(level).size();
  }
}
