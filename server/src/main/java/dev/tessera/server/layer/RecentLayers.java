package dev.tessera.server.layer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.AccessPolicy;
import dev.tessera.server.security.Caller;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Layer rows for the tile hot path: a tile request needs the layer's type and version, and reading and parsing the
 * row (four JSON columns) cost more than serving a cached tile. Entries live one second and are dropped as soon as a
 * change to the layer commits on this node, so an edit is visible to the next tile request here; other nodes see it
 * within the second (until cross-node events arrive). Permissions are still decided per request. Thread-safe.
 */
@Component
public class RecentLayers {
  private final Cache<UUID, Optional<Layer>> recent =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(1)).maximumSize(10_000).build();
  private final LayerRepository layers;
  private final AccessPolicy access;

  RecentLayers(LayerRepository layers, AccessPolicy access) {
    this.layers = layers;
    this.access = access;
  }

  /** The layer if the caller may see it, else 404 (as {@link LayerService#visible}). */
  public Layer visible(Caller caller, UUID id) {
    return recent
        .get(id, layers::findById)
        .filter(l -> access.canView(caller, l))
        .orElseThrow(() -> ApiException.notFound("layer", id));
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void changed(LayerChanged event) {
    recent.invalidate(event.layerId());
  }
}
