package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tessera.server.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same API tests with the server on PostgreSQL + PostGIS ({@code DATABASE_URL}). */
// Without a PostGIS database the whole class is skipped (the @DynamicPropertySource would otherwise fail the context).
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGIS_URL, matches = ".+")
class ApiPostgisIT extends ApiIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    var postgis = (HikariDataSource) TestDatabases.postgis();
    TestDatabases.truncate(postgis);
    registry.add("tessera.database-url", postgis::getJdbcUrl);
    common(registry);
  }

  /** Demo content is for a new embedded store only: a production database starts empty. */
  @Test
  @Override
  void anonymousVisitorsSeeThePublicDemoMapWithItsLayers() {
    assertThat(anonymous.get("/api/maps").body()).doesNotContain("North Sea");
  }
}
