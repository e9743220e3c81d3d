package dev.tessera.engine.points;

import java.util.UUID;

/**
 * One answer item: a point (with its id and payload) or a cluster (with its id, count and expansion zoom).
 *
 * @param clusterId for a cluster: its id in this index generation ({@link LivePointIndex#children}); else 0
 * @param id for a point: its id; else null
 * @param payload for a point: what the caller stored with it; else null
 */
public record Place(
    boolean cluster, long clusterId, int count, double lon, double lat, int expansionZoom, UUID id, Object payload) {

  static Place point(UUID id, double lon, double lat, Object payload) {
    return new Place(false, 0, 1, lon, lat, 0, id, payload);
  }
}
