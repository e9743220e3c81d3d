package dev.tessera.server.api;

import com.zaxxer.hikari.HikariDataSource;
import dev.tessera.server.store.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The authorization matrix with the server on PostgreSQL + PostGIS. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGIS_URL, matches = ".+")
class AuthorizationMatrixPostgisIT extends AuthorizationMatrixIT {

  @DynamicPropertySource
  static void postgis(DynamicPropertyRegistry registry) {
    var postgis = (HikariDataSource) TestDatabases.postgis();
    registry.add("tessera.database-url", postgis::getJdbcUrl);
  }
}
