package dev.tessera.server.api;

import com.zaxxer.hikari.HikariDataSource;
import dev.tessera.server.store.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sharing, comments and live events with the server on PostgreSQL + PostGIS (events travel by LISTEN/NOTIFY). */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGIS_URL, matches = ".+")
// Closed after the class: a cached context keeps its pool of PostgreSQL connections open for the whole test run.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CollaborationPostgisIT extends CollaborationIT {

  @DynamicPropertySource
  static void postgis(DynamicPropertyRegistry registry) {
    var postgis = (HikariDataSource) TestDatabases.postgis();
    registry.add("tessera.database-url", postgis::getJdbcUrl);
  }
}
