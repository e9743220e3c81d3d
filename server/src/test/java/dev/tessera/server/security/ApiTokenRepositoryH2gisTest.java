package dev.tessera.server.security;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class ApiTokenRepositoryH2gisTest extends ApiTokenRepositoryContract {
  private static final DataSource DB = TestDatabases.h2gis();

  @Override
  DataSource dataSource() {
    return DB;
  }
}
