package dev.tessera.engine.vector;

import java.util.List;

/**
 * One tile of the index: either a tile still holding its full-detail clipped features ({@code source}, from which
 * deeper tiles are cut) or a tile already cut into children, which keeps only the vertices its own zoom can show
 * ({@code display}). Immutable, so it is shared by request threads without locking.
 */
record IndexTile(List<TileFeature> source, List<TileFeature> display, int points) {
  static IndexTile leaf(List<TileFeature> features) {
    return new IndexTile(features, null, countPoints(features));
  }

  static IndexTile split(List<TileFeature> display) {
    return new IndexTile(null, display, countPoints(display));
  }

  /** The features to render this tile from. */
  List<TileFeature> features() {
    return source != null ? source : display;
  }

  static int countPoints(List<TileFeature> features) {
    int n = 0;
    for (TileFeature f : features) {
      n += f.numPoints;
    }
    return n;
  }
}
