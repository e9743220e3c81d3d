package dev.tessera.server.ogc;

import com.zaxxer.hikari.HikariDataSource;
import dev.tessera.server.store.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same OGC API tests, GDAL included, with the server on PostgreSQL + PostGIS ({@code DATABASE_URL}). */
// Without a PostGIS database the whole class is skipped (the @DynamicPropertySource would otherwise fail the context).
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGIS_URL, matches = ".+")
class OgcFeaturesPostgisIT extends OgcFeaturesIT {

  @DynamicPropertySource
  static void postgis(DynamicPropertyRegistry registry) {
    var postgis = (HikariDataSource) TestDatabases.postgis();
    TestDatabases.truncate(postgis);
    registry.add("tessera.database-url", postgis::getJdbcUrl);
  }
}
