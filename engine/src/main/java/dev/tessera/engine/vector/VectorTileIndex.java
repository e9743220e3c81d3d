package dev.tessera.engine.vector;

import dev.tessera.engine.tile.TileCoord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * Mapbox Vector Tiles (MVT 2.1) of one layer's features held in memory, fast even for a single feature of millions of
 * vertices, after geojson-vt (ISC), Mapbox. At build time features are projected once to the Web Mercator unit
 * square, each vertex gets its Douglas-Peucker importance once ({@link Simplifier}), and tiles are cut down to
 * {@link TilerOptions#indexMaxZoom()} (stopping early where a tile holds at most {@link TilerOptions#indexMaxPoints()}
 * vertices). A request for a deeper tile starts from its nearest ancestor that still holds full detail and cuts only
 * the tiles on the path down to it; simplification is a filter on importance applied while transforming to tile
 * units ({@link TileRenderer}, which also states the validity guarantee for polygons).
 *
 * <p><b>Memory.</b> Tiles cut at build time are kept for the index's life: the leaves hold about the source's vertex
 * count (plus cut points), the tiles above them only the vertices their zoom shows. Tiles cut on demand go into an
 * LRU bounded to {@link #DRILL_CACHE_MAX_POINTS} vertices (about 48 MB at 24 bytes each), so deep tiles near recent
 * requests start close by while memory stays bounded.
 *
 * <p><b>Thread-safety.</b> Thread-safe: {@link #tile} is called by many request threads at once. The build-time
 * tiles are immutable; the on-demand cache is a synchronized LRU, and tiles are cut outside its lock, so two threads
 * asking for the same uncached tile may both cut it (with identical results) rather than wait for each other.
 */
public final class VectorTileIndex {
  /** Bound of the on-demand tile cache, in vertices. */
  static final long DRILL_CACHE_MAX_POINTS = 2_000_000;

  private final TilerOptions options;
  private final long[] ids;
  private final AttributeDictionary dictionary;
  private final int[][] attributes;
  private final Map<String, String> fields;
  private final Envelope bounds;
  private final long vertexCount;
  private final Map<Long, IndexTile> index;
  private final DrillCache drilled = new DrillCache(DRILL_CACHE_MAX_POINTS);

  private VectorTileIndex(TilerOptions options, long[] ids, AttributeDictionary dictionary, int[][] attributes,
      Map<String, String> fields, Envelope bounds, long vertexCount, Map<Long, IndexTile> index) {
    this.options = options;
    this.ids = ids;
    this.dictionary = dictionary;
    this.attributes = attributes;
    this.fields = fields;
    this.bounds = bounds;
    this.vertexCount = vertexCount;
    this.index = index;
  }

  /**
   * Projects, simplifies and indexes {@code features}; they are not referenced afterwards.
   *
   * @throws IllegalArgumentException if a feature's properties are not a JSON object
   */
  public static VectorTileIndex build(Iterable<SourceFeature> features, TilerOptions options) {
    Objects.requireNonNull(options, "options");
    double maxZoomTolerance = options.tolerancePx() / ((double) (1L << options.maxZoom()) * options.extent());
    Converter converter = new Converter(maxZoomTolerance * maxZoomTolerance);
    List<TileFeature> projected = new ArrayList<>();
    List<Long> idList = new ArrayList<>();
    AttributeDictionary dictionary = new AttributeDictionary();
    List<int[]> attributeList = new ArrayList<>();
    Map<String, String> fields = new LinkedHashMap<>();
    Envelope bounds = new Envelope();
    for (SourceFeature f : features) {
      Object[] kv = Attributes.parse(f.propertiesJson());
      for (int i = 0; i < kv.length; i += 2) {
        String type = Attributes.typeName(kv[i + 1]);
        // Mixed types are described as String: any value can be shown as text, not every one as a number.
        fields.merge((String) kv[i], type, (a, b) -> a.equals(b) ? a : "String");
      }
      converter.convert(f.geometry(), idList.size(), projected);
      idList.add(f.id());
      attributeList.add(dictionary.intern(kv));
      bounds.expandToInclude(f.geometry().getEnvelopeInternal());
    }
    long[] ids = new long[idList.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = idList.get(i);
    }
    double k = (double) options.buffer() / options.extent();
    Map<Long, IndexTile> index = new HashMap<>();
    if (!projected.isEmpty()) {
      splitIndex(Clipper.wrap(projected, k), options, index);
    }
    return new VectorTileIndex(options, ids, dictionary.freeze(), attributeList.toArray(int[][]::new),
        Collections.unmodifiableMap(fields), bounds, converter.vertices(), index);
  }

  /** Cuts the build-time tiles, depth first, after geojson-vt's {@code splitTile}. */
  private static void splitIndex(List<TileFeature> world, TilerOptions options, Map<Long, IndexTile> index) {
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {world, TileCoord.of(0, 0, 0)});
    while (!stack.isEmpty()) {
      Object[] item = stack.pop();
      @SuppressWarnings("unchecked")
      List<TileFeature> features = (List<TileFeature>) item[0];
      TileCoord c = (TileCoord) item[1];
      if (c.z() == options.indexMaxZoom() || IndexTile.countPoints(features) <= options.indexMaxPoints()) {
        index.put(c.encode(), IndexTile.leaf(features));
        continue;
      }
      index.put(c.encode(), IndexTile.split(displayOnly(features, c.z(), options)));
      for (int q = 0; q < 4; q++) {
        TileCoord child = TileCoord.of(c.z() + 1, 2 * c.x() + (q & 1), 2 * c.y() + (q >> 1));
        List<TileFeature> part = clipChild(features, child, options);
        if (!part.isEmpty()) {
          stack.push(new Object[] {part, child});
        }
      }
    }
  }

  /** The parts of a parent tile's {@code features} inside {@code child}'s buffered extent. */
  static List<TileFeature> clipChild(List<TileFeature> features, TileCoord child, TilerOptions options) {
    double z2 = 1L << child.z();
    double k = (double) options.buffer() / options.extent();
    List<TileFeature> column = Clipper.clip(features, (child.x() - k) / z2, (child.x() + 1 + k) / z2, Clipper.X);
    return Clipper.clip(column, (child.y() - k) / z2, (child.y() + 1 + k) / z2, Clipper.Y);
  }

  /** Copies of {@code features} keeping only the vertices that zoom {@code z} shows: the same tile, fewer vertices. */
  private static List<TileFeature> displayOnly(List<TileFeature> features, int z, TilerOptions options) {
    if (z > options.maxZoom()) {
      return features;
    }
    double tolerance = options.tolerancePx() / ((double) (1L << z) * options.extent());
    double sqTolerance = tolerance * tolerance;
    List<TileFeature> out = new ArrayList<>(features.size());
    for (TileFeature f : features) {
      if (f.type == TileFeature.POINT) {
        out.add(f);
        continue;
      }
      double[][] parts = new double[f.parts.length][];
      for (int p = 0; p < parts.length; p++) {
        double[] src = f.parts[p];
        int n = 0;
        for (int i = 2; i < src.length; i += 3) {
          n += src[i] > sqTolerance ? 1 : 0;
        }
        double[] dst = new double[n * 3];
        int j = 0;
        for (int i = 0; i < src.length; i += 3) {
          if (src[i + 2] > sqTolerance) {
            dst[j++] = src[i];
            dst[j++] = src[i + 1];
            dst[j++] = src[i + 2];
          }
        }
        parts[p] = dst;
      }
      out.add(new TileFeature(f.type, f.source, parts, f.outer, f.sizes));
    }
    return out;
  }

  /**
   * The tile as uncompressed MVT bytes with one layer named {@code layerName}, or null when no feature reaches the
   * tile's buffered extent (or all that do are too small to show at this zoom).
   */
  public byte[] tile(TileCoord coord, String layerName) {
    Objects.requireNonNull(coord, "coord");
    Objects.requireNonNull(layerName, "layerName");
    IndexTile tile = find(coord);
    if (tile == null || tile.points() == 0) {
      return null;
    }
    TileRenderer renderer = new TileRenderer(coord.z(), coord.x(), coord.y(), options, ids, dictionary, attributes,
        layerName, tile.features().size());
    for (TileFeature f : tile.features()) {
      renderer.add(f);
    }
    return renderer.finish();
  }

  /** The index tile for {@code coord}, cutting it from its nearest full-detail ancestor if needed; null if empty. */
  private IndexTile find(TileCoord coord) {
    IndexTile tile = lookup(coord.encode());
    if (tile != null) {
      return tile;
    }
    TileCoord ancestor = coord;
    IndexTile from = null;
    while (ancestor.z() > 0 && from == null) {
      ancestor = ancestor.parent();
      from = lookup(ancestor.encode());
    }
    if (from == null || from.source() == null) {
      // No features at all, or a tile cut at build time whose child on this path had nothing in it.
      return null;
    }
    List<TileFeature> features = from.source();
    for (int z = ancestor.z() + 1; z <= coord.z(); z++) {
      int shift = coord.z() - z;
      TileCoord step = TileCoord.of(z, coord.x() >> shift, coord.y() >> shift);
      features = features.isEmpty() ? features : clipChild(features, step, options);
      tile = IndexTile.leaf(features);
      drilled.put(step.encode(), tile);
    }
    return tile;
  }

  private IndexTile lookup(long key) {
    IndexTile tile = index.get(key);
    return tile != null ? tile : drilled.get(key);
  }

  /** Number of source features indexed (a GeometryCollection counts once). */
  public int featureCount() {
    return ids.length;
  }

  /** Longitude/latitude envelope of all source geometries; null envelope ({@code isNull()}) when there are none. */
  public Envelope bounds() {
    return new Envelope(bounds);
  }

  /** Source vertices projected, for weighing the index in a cache (about 24 bytes each, times 1 to 2 for the tiles). */
  public long vertexCount() {
    return vertexCount;
  }

  /** Attribute names in first-seen order. */
  public List<String> fieldNames() {
    return List.copyOf(fields.keySet());
  }

  /**
   * Attribute names and their TileJSON {@code vector_layers} types: "String", "Number" or "Boolean"; a name whose
   * values have several types is "String".
   */
  public Map<String, String> fields() {
    return fields;
  }

  /** Vertices held by on-demand tiles now, for tests and metrics. */
  long drilledPoints() {
    return drilled.points();
  }
}
