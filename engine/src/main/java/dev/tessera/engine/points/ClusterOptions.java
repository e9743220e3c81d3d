package dev.tessera.engine.points;

/**
 * Clustering parameters with supercluster's meaning and defaults.
 *
 * @param radiusPx cluster radius in pixels of a tile {@code extent} wide
 * @param extent tile extent the radius is measured in
 * @param minPoints fewest points that form a cluster
 * @param minZoom coarsest zoom with clusters
 * @param maxZoom finest zoom with clusters; above it every point stands alone
 * @param nodeSize k-d tree leaf size
 */
public record ClusterOptions(double radiusPx, int extent, int minPoints, int minZoom, int maxZoom, int nodeSize) {
  public ClusterOptions {
    if (!(radiusPx > 0) || extent <= 0 || minPoints < 2 || minZoom < 0 || maxZoom < minZoom || maxZoom > 30) {
      throw new IllegalArgumentException(
          "invalid cluster options: radius " + radiusPx + ", extent " + extent + ", minPoints " + minPoints
              + ", zooms " + minZoom + "–" + maxZoom);
    }
    if (nodeSize < 2) {
      throw new IllegalArgumentException("nodeSize must be at least 2, not " + nodeSize);
    }
  }

  /** supercluster's defaults: radius 40 px of 512, minPoints 2, zooms 0–16, nodes of 64. */
  public static ClusterOptions defaults() {
    return new ClusterOptions(40, 512, 2, 0, 16, 64);
  }

  public ClusterOptions withMaxZoom(int zoom) {
    return new ClusterOptions(radiusPx, extent, minPoints, minZoom, zoom, nodeSize);
  }

  /** The cluster radius at {@code zoom} in Web Mercator units of [0, 1]. */
  double radiusAt(int zoom) {
    return radiusPx / (extent * Math.pow(2, zoom));
  }
}
