package dev.tessera.server.user;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class UserRepositoryH2gisTest extends UserRepositoryContract {
  private static final DataSource DB = TestDatabases.h2gis();

  @Override
  DataSource dataSource() {
    return DB;
  }
}
