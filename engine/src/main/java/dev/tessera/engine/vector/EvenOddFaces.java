package dev.tessera.engine.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The filled area of a planar set of grid segments under the even-odd rule, as polygons (shell, then holes).
 *
 * <p>Input: fragments from {@link SnapRounder}, which meet only at their ends and each occur once; every node then
 * has even degree, so every edge has two different faces beside it, one inside and one outside. The faces are traced
 * on a half-edge graph (each half-edge has its face on the left; at each node the next half-edge is the one before
 * the twin in counter-clockwise order). Which side is inside is decided per connected component: the face around a
 * component is found by casting a ray from its leftmost vertex to the nearest edge on its left (inside that edge's
 * face, or around that edge's own component again); parity then alternates across every edge. Inside face cycles are
 * split where they touch themselves; positive loops are shells, negative ones their holes, and a component lying in
 * an inside face gives that face's shell its holes.
 *
 * <p>Exact integer arithmetic throughout. Throws {@link IllegalStateException} if the input breaks the preconditions
 * (the caller then falls back to a general method). Not thread-safe; one per call.
 */
final class EvenOddFaces {
  private static final int UNSET = -1;

  private final long[] nodes;
  private final int edges;
  /** Half-edge h runs from origin[h] to origin[h ^ 1]. */
  private final int[] origin;
  private final int[] next;
  private final int[] cycle;
  private int cycles;
  private int[] cycleStart;
  /** Half-edges leaving each node, counter-clockwise: node v's are around[aroundOffsets[v] … aroundOffsets[v+1]). */
  private int[] around;
  private int[] aroundOffsets;

  private EvenOddFaces(long[] fragments) {
    edges = fragments.length;
    nodes = nodeKeys(fragments);
    origin = new int[2 * edges];
    for (int e = 0; e < edges; e++) {
      origin[2 * e] = node(SnapRounder.fragmentStart(fragments[e]));
      origin[2 * e + 1] = node(SnapRounder.fragmentEnd(fragments[e]));
    }
    next = new int[2 * edges];
    cycle = new int[2 * edges];
  }

  /** Polygons as lists of closed rings (flat x, y): the shell first, wound positive, then its holes, negative. */
  static List<List<int[]>> polygons(long[] fragments) {
    if (fragments.length == 0) {
      return List.of();
    }
    EvenOddFaces faces = new EvenOddFaces(fragments);
    faces.linkHalfEdges();
    faces.traceCycles();
    return faces.assemble();
  }

  private static long[] nodeKeys(long[] fragments) {
    long[] keys = new long[fragments.length * 2];
    for (int e = 0; e < fragments.length; e++) {
      keys[2 * e] = SnapRounder.fragmentStart(fragments[e]);
      keys[2 * e + 1] = SnapRounder.fragmentEnd(fragments[e]);
    }
    Arrays.sort(keys);
    int count = 0;
    for (long k : keys) {
      if (count == 0 || keys[count - 1] != k) {
        keys[count++] = k;
      }
    }
    return Arrays.copyOf(keys, count);
  }

  private int node(long key) {
    return Arrays.binarySearch(nodes, key);
  }

  private int x(int node) {
    return SnapRounder.px(nodes[node]);
  }

  private int y(int node) {
    return SnapRounder.py(nodes[node]);
  }

  private long dx(int h) {
    return x(origin[h ^ 1]) - x(origin[h]);
  }

  private long dy(int h) {
    return y(origin[h ^ 1]) - y(origin[h]);
  }

  /** Sorts each node's outgoing half-edges counter-clockwise and sets next(h) = the one before twin(h). */
  private void linkHalfEdges() {
    int[] offsets = new int[nodes.length + 1];
    for (int h = 0; h < origin.length; h++) {
      offsets[origin[h] + 1]++;
    }
    for (int i = 1; i < offsets.length; i++) {
      offsets[i] += offsets[i - 1];
    }
    around = new int[origin.length];
    aroundOffsets = offsets;
    int[] fill = Arrays.copyOf(offsets, nodes.length);
    for (int h = 0; h < origin.length; h++) {
      around[fill[origin[h]]++] = h;
    }
    int[] position = new int[origin.length];
    for (int v = 0; v < nodes.length; v++) {
      int from = offsets[v];
      int to = offsets[v + 1];
      if (((to - from) & 1) == 1) {
        throw new IllegalStateException("odd degree at " + x(v) + " " + y(v));
      }
      sortByAngle(around, from, to);
      for (int i = from; i < to; i++) {
        position[around[i]] = i;
      }
    }
    for (int h = 0; h < origin.length; h++) {
      int twin = h ^ 1;
      int v = origin[twin];
      int p = position[twin];
      next[h] = around[p == offsets[v] ? offsets[v + 1] - 1 : p - 1];
    }
  }

  /** Insertion sort by angle from the positive x axis, counter-clockwise: degrees are small. */
  private void sortByAngle(int[] a, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int h = a[i];
      int j = i - 1;
      while (j >= from && compareAngle(a[j], h) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = h;
    }
  }

  private int compareAngle(int a, int b) {
    int ha = halfPlane(dx(a), dy(a));
    int hb = halfPlane(dx(b), dy(b));
    if (ha != hb) {
      return Integer.compare(ha, hb);
    }
    long cross = dx(a) * dy(b) - dy(a) * dx(b);
    if (cross == 0) {
      throw new IllegalStateException("overlapping edges at " + x(origin[a]) + " " + y(origin[a]));
    }
    return cross > 0 ? -1 : 1;
  }

  /** 0 for angles in [0, π), 1 for [π, 2π). */
  private static int halfPlane(long dx, long dy) {
    return dy > 0 || (dy == 0 && dx > 0) ? 0 : 1;
  }

  private void traceCycles() {
    Arrays.fill(cycle, UNSET);
    cycleStart = new int[16];
    for (int h = 0; h < origin.length; h++) {
      if (cycle[h] != UNSET) {
        continue;
      }
      if (cycles == cycleStart.length) {
        cycleStart = Arrays.copyOf(cycleStart, cycles * 2);
      }
      cycleStart[cycles] = h;
      int k = h;
      do {
        cycle[k] = cycles;
        k = next[k];
      } while (k != h);
      cycles++;
    }
  }

  private List<List<int[]>> assemble() {
    int[] component = components();
    int components = 0;
    for (int c : component) {
      components = Math.max(components, c + 1);
    }
    int[] cycleComponent = new int[cycles];
    for (int c = 0; c < cycles; c++) {
      cycleComponent[c] = component[origin[cycleStart[c]]];
    }
    int[] outerCycle = new int[components];
    int[] outerParity = new int[components];
    int[] container = new int[components];
    int[] parity = new int[cycles];
    Arrays.fill(parity, UNSET);
    boolean[] seen = new boolean[components];
    RowIndex rows = new RowIndex();
    // Nodes are sorted by x, then y: the first node met of a component is its leftmost (lowest) vertex, and every
    // component a ray from there can hit has a vertex further left, so it has been placed already.
    for (int v = 0; v < nodes.length; v++) {
      int comp = component[v];
      if (seen[comp]) {
        continue;
      }
      seen[comp] = true;
      int outer = cycle[outermostHalfEdge(v)];
      outerCycle[comp] = outer;
      int hit = rows.nearestOnTheLeft(x(v), y(v));
      if (hit == UNSET) {
        outerParity[comp] = 0;
        container[comp] = UNSET;
      } else {
        int c = cycle[hit];
        int other = cycleComponent[c];
        if (c != outerCycle[other]) {
          outerParity[comp] = parity[c];
          container[comp] = c;
        } else {
          outerParity[comp] = outerParity[other];
          container[comp] = container[other];
        }
      }
      spreadParity(outer, outerParity[comp], parity);
    }
    return polygons(outerCycle, outerParity, container, cycleComponent, parity);
  }

  /** Parity of every cycle of one component from that of its outer cycle: it alternates across each edge. */
  private void spreadParity(int start, int startParity, int[] parity) {
    int[] queue = new int[16];
    int head = 0;
    int tail = 0;
    parity[start] = startParity;
    queue[tail++] = start;
    while (head < tail) {
      int c = queue[head++];
      int h = cycleStart[c];
      do {
        int t = cycle[h ^ 1];
        if (parity[t] == UNSET) {
          parity[t] = 1 - parity[c];
          if (tail == queue.length) {
            queue = Arrays.copyOf(queue, tail * 2);
          }
          queue[tail++] = t;
        } else if (parity[t] == parity[c]) {
          throw new IllegalStateException("inconsistent parity across an edge");
        }
        h = next[h];
      } while (h != cycleStart[c]);
    }
  }

  /**
   * Of the half-edges leaving the leftmost vertex v (all point right, or straight up), the one turned furthest
   * counter-clockwise: the face on its left is the one that wraps round to the left of v, outside the component.
   */
  private int outermostHalfEdge(int v) {
    int best = around[aroundOffsets[v]];
    for (int i = aroundOffsets[v] + 1; i < aroundOffsets[v + 1]; i++) {
      int h = around[i];
      if (dx(best) * dy(h) - dy(best) * dx(h) > 0) {
        best = h;
      }
    }
    return best;
  }

  /** Connected components of nodes (union-find over edges), numbered 0… */
  private int[] components() {
    int[] parent = new int[nodes.length];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int e = 0; e < edges; e++) {
      int a = find(parent, origin[2 * e]);
      int b = find(parent, origin[2 * e + 1]);
      if (a != b) {
        parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    int[] number = new int[nodes.length];
    Arrays.fill(number, UNSET);
    int count = 0;
    int[] component = new int[nodes.length];
    for (int v = 0; v < nodes.length; v++) {
      int root = find(parent, v);
      if (number[root] == UNSET) {
        number[root] = count++;
      }
      component[v] = number[root];
    }
    return component;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private List<List<int[]>> polygons(int[] outerCycle, int[] outerParity, int[] container, int[] cycleComponent,
      int[] parity) {
    List<List<int[]>> polygons = new ArrayList<>();
    int[] polygonOf = new int[cycles];
    Arrays.fill(polygonOf, UNSET);
    int[] loopScratch = new int[nodes.length];
    Arrays.fill(loopScratch, UNSET);
    for (int c = 0; c < cycles; c++) {
      if (parity[c] != 1 || c == outerCycle[cycleComponent[c]]) {
        continue;
      }
      int[] shell = null;
      List<int[]> holes = new ArrayList<>();
      for (int[] loop : loops(c, loopScratch)) {
        if (TileRenderer.area2(loop, loop.length) > 0) {
          if (shell != null) {
            throw new IllegalStateException("a face with two outer boundaries");
          }
          shell = loop;
        } else {
          holes.add(loop);
        }
      }
      if (shell == null) {
        throw new IllegalStateException("a face without an outer boundary");
      }
      List<int[]> polygon = new ArrayList<>();
      polygon.add(shell);
      polygon.addAll(holes);
      polygonOf[c] = polygons.size();
      polygons.add(polygon);
    }
    for (int comp = 0; comp < outerCycle.length; comp++) {
      if (outerParity[comp] != 1) {
        continue;
      }
      if (container[comp] == UNSET || polygonOf[container[comp]] == UNSET) {
        throw new IllegalStateException("an inside component outside every shell");
      }
      List<int[]> polygon = polygons.get(polygonOf[container[comp]]);
      for (int[] loop : loops(outerCycle[comp], loopScratch)) {
        if (TileRenderer.area2(loop, loop.length) >= 0) {
          throw new IllegalStateException("a hole wound as a shell");
        }
        polygon.add(loop);
      }
    }
    return polygons;
  }

  /** The cycle's closed walk cut into simple closed rings where it passes a node twice. */
  private List<int[]> loops(int c, int[] positionOfNode) {
    List<int[]> loops = new ArrayList<>(1);
    int[] path = new int[16];
    int length = 0;
    int h = cycleStart[c];
    do {
      int v = origin[h];
      int seenAt = positionOfNode[v];
      if (seenAt != UNSET) {
        loops.add(ring(path, seenAt, length));
        for (int i = seenAt + 1; i < length; i++) {
          positionOfNode[path[i]] = UNSET;
        }
        length = seenAt + 1;
      } else {
        if (length == path.length) {
          path = Arrays.copyOf(path, length * 2);
        }
        positionOfNode[v] = length;
        path[length++] = v;
      }
      h = next[h];
    } while (h != cycleStart[c]);
    loops.add(ring(path, 0, length));
    for (int i = 0; i < length; i++) {
      positionOfNode[path[i]] = UNSET;
    }
    return loops;
  }

  /** Nodes path[from..to) as a closed ring of flat x, y. */
  private int[] ring(int[] path, int from, int to) {
    int n = to - from;
    int[] pts = new int[2 * n + 2];
    for (int i = 0; i < n; i++) {
      pts[2 * i] = x(path[from + i]);
      pts[2 * i + 1] = y(path[from + i]);
    }
    pts[2 * n] = pts[0];
    pts[2 * n + 1] = pts[1];
    return pts;
  }

  /**
   * Edges by the grid rows they cross (an edge from y0 to y1 > y0 is in rows y0 … y1 - 1): a horizontal ray at
   * height y + ε meets exactly the edges of row y.
   */
  private final class RowIndex {
    private final int minY;
    private final int[] offsets;
    private final int[] members;

    RowIndex() {
      int lo = Integer.MAX_VALUE;
      int hi = Integer.MIN_VALUE;
      for (int v = 0; v < nodes.length; v++) {
        lo = Math.min(lo, y(v));
        hi = Math.max(hi, y(v));
      }
      minY = lo;
      offsets = new int[hi - lo + 2];
      for (int e = 0; e < edges; e++) {
        int a = y(origin[2 * e]);
        int b = y(origin[2 * e + 1]);
        for (int r = Math.min(a, b); r < Math.max(a, b); r++) {
          offsets[r - minY + 1]++;
        }
      }
      for (int i = 1; i < offsets.length; i++) {
        offsets[i] += offsets[i - 1];
      }
      members = new int[offsets[offsets.length - 1]];
      int[] fill = Arrays.copyOf(offsets, offsets.length - 1);
      for (int e = 0; e < edges; e++) {
        int a = y(origin[2 * e]);
        int b = y(origin[2 * e + 1]);
        for (int r = Math.min(a, b); r < Math.max(a, b); r++) {
          members[fill[r - minY]++] = e;
        }
      }
    }

    /**
     * The half-edge first met by a ray from (vx, vy + ε) towards -x, directed so that the ray's start is on its
     * left (it runs towards -y); UNSET if the ray meets nothing.
     */
    int nearestOnTheLeft(int vx, int vy) {
      int best = UNSET;
      long bestNum = 0;
      long bestDen = 1;
      long bestSlope = 0;
      for (int i = offsets[vy - minY]; i < offsets[vy - minY + 1]; i++) {
        int e = members[i];
        // Orient the edge upwards: (ax, ay) → (bx, by) with ay < by.
        int lower = y(origin[2 * e]) < y(origin[2 * e + 1]) ? 2 * e : 2 * e + 1;
        long ax = x(origin[lower]);
        long ay = y(origin[lower]);
        long bx = x(origin[lower ^ 1]);
        long by = y(origin[lower ^ 1]);
        long den = by - ay;
        long num = ax * den + (vy - ay) * (bx - ax); // x where the edge crosses height vy, times den
        if (num >= vx * den) {
          continue;
        }
        long slope = bx - ax; // x gained per den of height: breaks ties at a shared vertex at height vy
        if (best == UNSET || num * bestDen > bestNum * den
            || (num * bestDen == bestNum * den && slope * bestDen > bestSlope * den)) {
          best = lower ^ 1; // the downward half-edge has the ray's start on its left
          bestNum = num;
          bestDen = den;
          bestSlope = slope;
        }
      }
      return best;
    }
  }
}
