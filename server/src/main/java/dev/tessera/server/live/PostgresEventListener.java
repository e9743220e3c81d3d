package dev.tessera.server.live;

import com.zaxxer.hikari.HikariDataSource;
import dev.tessera.server.layer.RecentLayers;
import dev.tessera.server.store.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, hears every instance's map events: one connection of its own (outside the pool) runs
 * {@code LISTEN tessera_map_events} and one daemon thread waits for notifications, loads each event whose map has a
 * stream open here and hands it to {@link MapEventStreams}. A lost connection is reopened after a second; events
 * committed meanwhile reach clients when they reconnect with {@code Last-Event-ID}. Does nothing on the embedded
 * store. Thread-safe.
 */
@Component
class PostgresEventListener implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresEventListener.class);
  private static final int POLL_MILLIS = 500;

  private final HikariDataSource dataSource;
  private final boolean enabled;
  private final MapEventLog log;
  private final MapEventStreams streams;
  private final RecentLayers recentLayers;
  private volatile boolean running;
  private volatile boolean listening;
  private Thread thread;

  PostgresEventListener(HikariDataSource dataSource, SqlDialect dialect, MapEventLog log, MapEventStreams streams,
      RecentLayers recentLayers) {
    this.dataSource = dataSource;
    this.enabled = dialect == SqlDialect.POSTGRESQL;
    this.log = log;
    this.streams = streams;
    this.recentLayers = recentLayers;
  }

  /**
   * The NOTIFY payload: map id, event id and type, so instances without a stream of the map skip the read, and a
   * {@code map_deleted} event (whose row went with the map) is still delivered.
   */
  static String payload(MapEvent event) {
    return event.mapId() + ":" + event.id() + ":" + event.type();
  }

  @Override
  public void start() {
    running = true;
    if (enabled) {
      thread = Thread.ofPlatform().daemon().name("map-events-listener").start(this::run);
    }
  }

  /** Whether the LISTEN connection is open (for tests and readiness). */
  boolean listening() {
    return listening;
  }

  private void run() {
    while (running) {
      try (Connection connection =
          DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword())) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + MapEvents.CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        listening = true;
        while (running) {
          PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification n : notifications) {
              handle(n.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (running) {
          LOG.warn("Map event listener lost its database connection; retrying in 1 s: {}", e.getMessage());
          sleep();
        }
      }
    }
    listening = false;
  }

  private void handle(String payload) {
    recentLayers.accessMayHaveChanged(); // a map event from any instance: who sees what may have changed
    String[] parts = payload.split(":", 3);
    UUID mapId = UUID.fromString(parts[0]);
    if (!streams.watched(mapId)) {
      return;
    }
    long id = Long.parseLong(parts[1]);
    var event = log.find(id);
    if (event.isPresent()) {
      streams.deliver(event.get());
    } else if (parts[2].equals("map_deleted")) {
      streams.deliver(new MapEvent(id, mapId, parts[2], "{\"map_id\":\"" + mapId + "\"}", null));
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
