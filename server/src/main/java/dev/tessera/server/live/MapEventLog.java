package dev.tessera.server.live;

import dev.tessera.server.store.Rows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The recent events of every map ({@code map_events}): written in the transaction of the change they describe, read
 * back for {@code Last-Event-ID} replay and, on PostgreSQL, by every instance told of them by NOTIFY. Thread-safe.
 */
@Repository
class MapEventLog {
  private static final String COLUMNS = "id, map_id, type, payload, created_at";
  private final JdbcTemplate jdbc;

  MapEventLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  MapEvent append(UUID mapId, String type, String data, Instant at) {
    var keys = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO map_events (map_id, type, payload, created_at) VALUES (?, ?, ?, ?)", new String[] {"id"});
          ps.setObject(1, mapId);
          ps.setString(2, type);
          ps.setString(3, data);
          ps.setObject(4, Rows.timestamp(at));
          return ps;
        },
        keys);
    return new MapEvent(keys.getKeyAs(Long.class), mapId, type, data, at);
  }

  Optional<MapEvent> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM map_events WHERE id = ?", MapEventLog::row, id).stream().findFirst();
  }

  /** The map's events after {@code afterId}, oldest first, at most {@code limit}. */
  List<MapEvent> after(UUID mapId, long afterId, int limit) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM map_events WHERE map_id = ? AND id > ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
        MapEventLog::row,
        mapId,
        afterId);
  }

  /** The oldest event id still kept (of any map), or empty if none. */
  Optional<Long> oldestId() {
    return Optional.ofNullable(jdbc.queryForObject("SELECT MIN(id) FROM map_events", Long.class));
  }

  int prune(Instant before) {
    return jdbc.update("DELETE FROM map_events WHERE created_at < ?", Rows.timestamp(before));
  }

  private static MapEvent row(ResultSet rs, int n) throws SQLException {
    return new MapEvent(
        rs.getLong("id"), Rows.uuid(rs, "map_id"), rs.getString("type"), rs.getString("payload"), Rows.instant(rs, "created_at"));
  }
}
