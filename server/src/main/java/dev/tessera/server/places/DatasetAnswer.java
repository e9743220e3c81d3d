package dev.tessera.server.places;

import dev.tessera.engine.points.Place;
import java.util.List;
import java.util.UUID;

/** One dataset's part of an answer: its items and whether {@code limit} cut them short. */
record DatasetAnswer(String name, UUID layerId, List<Place> places, boolean truncated) {

  /** The public id of a cluster: the layer it belongs to and its id in that layer's index. */
  static String clusterId(UUID layerId, long clusterId) {
    return layerId + "." + clusterId;
  }
}
