package dev.tessera.server.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liveness ({@code /health}: the process answers) and readiness ({@code /ready}: start-up tasks done, the database answers and every
 * migration is applied), as load balancers and Kubernetes probes expect. {@code /metrics} is Actuator's Prometheus
 * endpoint.
 */
@RestController
class OpsController {
  private final JdbcTemplate jdbc;
  private final Flyway flyway;
  /** Migrations cannot become pending while the process runs, so one clean check suffices. */
  private volatile boolean migrated;

  private final ApplicationAvailability availability;

  OpsController(JdbcTemplate jdbc, Flyway flyway, ApplicationAvailability availability) {
    this.jdbc = jdbc;
    this.flyway = flyway;
    this.availability = availability;
  }

  @GetMapping("/health")
  Map<String, String> health() {
    return Map.of("status", "UP");
  }

  @GetMapping("/ready")
  ResponseEntity<Map<String, Object>> ready() {
    Map<String, Object> body = new LinkedHashMap<>();
    // Start-up tasks (first admin, demo content) run after the web server opens; ready means they are done.
    boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    body.put("started", ready);
    try {
      jdbc.queryForObject("SELECT 1", Integer.class);
      body.put("database", "UP");
    } catch (RuntimeException e) {
      body.put("database", "DOWN: " + e.getMessage());
      ready = false;
    }
    try {
      int pending = migrated ? 0 : flyway.info().pending().length;
      migrated = pending == 0;
      body.put("pending_migrations", pending);
      ready &= pending == 0;
    } catch (RuntimeException e) {
      body.put("migrations", "UNKNOWN: " + e.getMessage());
      ready = false;
    }
    body.put("status", ready ? "READY" : "NOT_READY");
    return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
  }
}
