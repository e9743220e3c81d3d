package dev.tessera.engine.vector;

import dev.tessera.engine.tile.TileCoord;

/**
 * How {@link VectorTileIndex} cuts and simplifies.
 *
 * @param extent tile size in MVT integer units (4096 in MVT 2.1 practice)
 * @param buffer margin around each tile, in the same units, kept so that renderers do not draw seams at tile edges
 * @param tolerancePx Douglas-Peucker tolerance in tile units at each zoom; vertices whose importance is below it and
 *     rings smaller than its square are dropped
 * @param maxZoom deepest zoom at which geometry is still simplified; deeper tiles keep every vertex
 * @param indexMaxZoom tiles down to this zoom are cut once at build time and kept for the index's life
 * @param indexMaxPoints a tile with at most this many vertices is not cut further at build time (it is cut on demand)
 */
public record TilerOptions(int extent, int buffer, double tolerancePx, int maxZoom, int indexMaxZoom,
    int indexMaxPoints) {
  public TilerOptions {
    if (extent < 256 || extent > 1 << 16 || Integer.bitCount(extent) != 1) {
      throw new IllegalArgumentException("extent=" + extent + " must be a power of two in 256..65536");
    }
    if (buffer < 0 || buffer > extent / 2) {
      throw new IllegalArgumentException("buffer=" + buffer + " must be in 0.." + extent / 2);
    }
    if (!(tolerancePx >= 0) || tolerancePx > 64) {
      throw new IllegalArgumentException("tolerancePx=" + tolerancePx + " must be in 0..64");
    }
    if (maxZoom < 0 || maxZoom > TileCoord.MAX_ZOOM) {
      throw new IllegalArgumentException("maxZoom=" + maxZoom + " must be in 0.." + TileCoord.MAX_ZOOM);
    }
    if (indexMaxZoom < 0 || indexMaxZoom > Math.min(maxZoom, 8)) {
      throw new IllegalArgumentException("indexMaxZoom=" + indexMaxZoom + " must be in 0..min(maxZoom, 8)");
    }
    if (indexMaxPoints < 0) {
      throw new IllegalArgumentException("indexMaxPoints=" + indexMaxPoints + " must not be negative");
    }
  }

  /**
   * 4096 extent, 64 buffer, tolerance 3 units, simplification to zoom 22, build-time index to zoom 5 and 100 000
   * vertices. Three tile units is geojson-vt's default and stays below half a pixel however the tile is drawn
   * (3/16 px on a 256 px tile, 3/8 px at MapLibre's 512 px). Measured on the 1.78M-vertex seas (docs/benchmarks.md):
   * against 1 unit it makes z0-z4 tiles 3.5x smaller and 2-4x faster, because low-zoom coastlines are denser than
   * the tile grid and every vertex kept there must be noded and repaired.
   */
  public static TilerOptions defaults() {
    return new TilerOptions(4096, 64, 3.0, 22, 5, 100_000);
  }
}
