package dev.tessera.server.user;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class UserRepositoryPostgisIT extends UserRepositoryContract {
  @Override
  DataSource dataSource() {
    return TestDatabases.postgis();
  }
}
