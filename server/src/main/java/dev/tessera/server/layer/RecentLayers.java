package dev.tessera.server.layer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
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
 * Layer rows for the tile and places hot paths: a request needs the layer's type and version, and reading and parsing
 * the row (four JSON columns) cost more than serving a cached tile. Entries live one second and are dropped as soon as
 * a change to the layer commits on this node, so an edit is visible to the next request here; other nodes see it
 * within the second (until cross-node events arrive). An entry read again after half a second is reloaded in the
 * background while the request goes on with it, so steady traffic never waits on the database.
 *
 * <p>Permissions are decided per request. Where the decision needs the database (a layer neither global nor the
 * caller's, visible through the maps it is on) it is remembered per caller and layer for at most a second, and
 * forgotten at once when any map event commits on this node or arrives from another ({@link #accessMayHaveChanged}):
 * sharing, a map's permission level, a layer added or removed. On PostgreSQL those lookups were three quarters of a
 * cached tile's cost for a public map's anonymous viewers. Thread-safe.
 */
@Component
public class RecentLayers {
  private final LoadingCache<UUID, Optional<Layer>> recent;
  private final AccessPolicy access;
  private final Cache<Decision, Boolean> decisions =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(1)).maximumSize(100_000).build();

  /** Whether {@code caller} may see {@code layer}, as the maps it is on say. */
  private record Decision(Caller caller, UUID layer) {}

  RecentLayers(LayerRepository layers, AccessPolicy access) {
    this.recent = refreshing(layers::findById);
    this.access = access;
  }

  /**
   * A cache of one-second entries, reloaded in the background when read after half a second: at most a second stale,
   * and never a database read on the request path while requests keep coming.
   */
  public static <K, V> LoadingCache<K, V> refreshing(java.util.function.Function<K, V> load) {
    return Caffeine.newBuilder()
        .refreshAfterWrite(Duration.ofMillis(500))
        .expireAfterWrite(Duration.ofSeconds(1))
        .maximumSize(10_000)
        .build(load::apply);
  }

  /** The layer if the caller may see it, else 404 (as {@link LayerService#visible}). */
  public Layer visible(Caller caller, UUID id) {
    return recent
        .get(id)
        .filter(l -> canView(caller, l))
        .orElseThrow(() -> ApiException.notFound("layer", id));
  }

  private boolean canView(Caller caller, Layer layer) {
    if (access.canViewAtSight(caller, layer)) {
      return true;
    }
    return decisions.get(new Decision(caller, layer.id()), k -> access.canView(caller, layer));
  }

  /** Forgets the remembered access decisions: who may see which map (and so its layers) may have changed. */
  public void accessMayHaveChanged() {
    decisions.invalidateAll();
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void changed(LayerChanged event) {
    recent.invalidate(event.layerId());
    accessMayHaveChanged();
  }
}
