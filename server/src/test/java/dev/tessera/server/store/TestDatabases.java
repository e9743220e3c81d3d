package dev.tessera.server.store;

import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two stores every repository contract runs against. H2GIS is always there (in memory, one database per suite);
 * PostGIS is the local server named by {@code TESSERA_TEST_POSTGIS_URL}: without it the PostGIS suites skip, unless
 * {@code TESSERA_TEST_POSTGIS_REQUIRED=true} (CI), where they fail.
 */
public final class TestDatabases {
  public static final String POSTGIS_URL = "TESSERA_TEST_POSTGIS_URL";
  private static HikariDataSource postgis;

  private TestDatabases() {}

  /** A new, migrated in-memory H2GIS database. */
  public static DataSource h2gis() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setMaximumPoolSize(4);
    HikariDataSource ds = new HikariDataSource(config);
    Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
    return ds;
  }

  /** The shared PostGIS test database, cleaned and migrated once per JVM. */
  public static synchronized DataSource postgis() {
    String url = System.getenv(POSTGIS_URL);
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("TESSERA_TEST_POSTGIS_REQUIRED"))) {
        fail(POSTGIS_URL + " is not set but TESSERA_TEST_POSTGIS_REQUIRED=true");
      }
      Assumptions.abort("PostGIS suite skipped: set " + POSTGIS_URL + " (e.g. jdbc:postgresql://127.0.0.1/tessera_test?user=postgres)");
    }
    if (postgis == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setMaximumPoolSize(4);
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
      postgis = new HikariDataSource(config);
      Flyway flyway =
          Flyway.configure().dataSource(postgis).locations("classpath:db/migration/postgresql").cleanDisabled(false).load();
      flyway.clean();
      new JdbcTemplate(postgis).execute("CREATE EXTENSION IF NOT EXISTS postgis");
      flyway.migrate();
    }
    return postgis;
  }

  public static SqlDialect dialect(DataSource ds) {
    return ds instanceof HikariDataSource h ? SqlDialect.forJdbcUrl(h.getJdbcUrl()) : SqlDialect.H2;
  }

  /** Empties every table, children first. */
  public static void truncate(DataSource ds) {
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    for (String table :
        List.of(
            "comments", "map_events", "webhook_deliveries", "map_collaborators", "map_layers", "layer_features", "layers", "maps", "api_tokens",
            "local_credentials", "user_roles", "users")) {
      jdbc.update("DELETE FROM " + table);
    }
  }
}
