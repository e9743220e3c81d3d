package dev.tessera.server.security;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class ApiTokenRepositoryPostgisIT extends ApiTokenRepositoryContract {
  @Override
  DataSource dataSource() {
    return TestDatabases.postgis();
  }
}
