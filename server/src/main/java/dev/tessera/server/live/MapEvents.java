package dev.tessera.server.live;

import dev.tessera.server.layer.LayerChanged;
import dev.tessera.server.layer.LayerDeleted;
import dev.tessera.server.layer.LayerRepository;
import dev.tessera.server.layer.RecentLayers;
import dev.tessera.server.map.MapChanged;
import dev.tessera.server.store.Rows;
import dev.tessera.server.store.SqlDialect;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.ObjectMapper;

/**
 * Records what changed on a map, in the transaction of the change, and makes sure live clients on every instance
 * hear of it once (and only if) it commits: on PostgreSQL by {@code NOTIFY} (delivered at commit to every
 * instance's {@link PostgresEventListener}), on the embedded store by delivering in-process after commit.
 * Thread-safe.
 */
@Service
public class MapEvents {
  static final String CHANNEL = "tessera_map_events";
  /** How long events stay available for {@code Last-Event-ID} replay. */
  static final Duration KEPT = Duration.ofHours(1);

  private final MapEventLog log;
  private final MapEventStreams streams;
  private final LayerRepository layers;
  private final RecentLayers recentLayers;
  private final JdbcTemplate jdbc;
  private final boolean notifyThroughDatabase;
  private final ObjectMapper json;
  private final AtomicLong appended = new AtomicLong();

  MapEvents(
      MapEventLog log,
      MapEventStreams streams,
      LayerRepository layers,
      RecentLayers recentLayers,
      JdbcTemplate jdbc,
      SqlDialect dialect,
      ObjectMapper json) {
    this.log = log;
    this.streams = streams;
    this.layers = layers;
    this.recentLayers = recentLayers;
    this.jdbc = jdbc;
    this.notifyThroughDatabase = dialect == SqlDialect.POSTGRESQL;
    this.json = json;
  }

  /** Records an event on the map; call inside the transaction of the change. */
  public void publish(UUID mapId, String type, Map<String, ?> data) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("map events are published inside the transaction of their change");
    }
    lockEventsOf(mapId);
    MapEvent event = log.append(mapId, type, json.writeValueAsString(data), Rows.now());
    if (notifyThroughDatabase) {
      // NOTIFY inside a transaction is delivered at commit, and not at all on rollback.
      jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, PostgresEventListener.payload(event));
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            // before the change's response: the next request here decides access afresh
            recentLayers.accessMayHaveChanged();
            if (!notifyThroughDatabase) {
              streams.deliverLater(event);
            }
          }
        });
    if (appended.incrementAndGet() % 500 == 0) {
      log.prune(Rows.now().minus(KEPT));
    }
  }

  /**
   * Orders the map's events until commit: ids are then taken in commit order, so a client replaying after
   * Last-Event-ID cannot miss an event that committed after one with a higher id. PostgreSQL: a transaction-scoped
   * advisory lock, not the map row, since a feature import holds its layer row and the row lock would deadlock with
   * adding that layer to the map (whose foreign key check waits for the layer row).
   */
  private void lockEventsOf(UUID mapId) {
    if (notifyThroughDatabase) {
      jdbc.queryForList(
          "SELECT pg_advisory_xact_lock(?)", mapId.getMostSignificantBits() ^ mapId.getLeastSignificantBits());
    } else {
      jdbc.queryForList("SELECT id FROM maps WHERE id = ? FOR UPDATE", mapId);
    }
  }

  /** Records the event on every map the layer is on. */
  public void publishForLayer(UUID layerId, String type, Map<String, ?> data) {
    // In id order, so two transactions locking the same maps cannot deadlock.
    for (UUID mapId : layers.mapIds(layerId).stream().sorted().toList()) {
      publish(mapId, type, data);
    }
  }

  @EventListener
  void mapChanged(MapChanged change) {
    var data = new LinkedHashMap<String, Object>();
    data.put("map_id", change.mapId());
    if (change.layerId() != null) {
      data.put("layer_id", change.layerId());
    }
    publish(change.mapId(), change.change(), data);
  }

  /** A layer deleted from the library leaves every map it was on. */
  @EventListener
  void layerDeleted(LayerDeleted deleted) {
    for (UUID mapId : deleted.mapIds().stream().sorted().toList()) {
      publish(mapId, "layer_removed", Map.of("map_id", mapId, "layer_id", deleted.layerId()));
    }
  }

  /** A layer's row or features changed (its version grew): clients refetch its tiles and features. */
  @EventListener
  void layerChanged(LayerChanged change) {
    publishForLayer(change.layerId(), "layer_changed", Map.of("layer_id", change.layerId()));
  }
}
