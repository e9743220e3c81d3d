package dev.tessera.server.map;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class MapRepositoryPostgisIT extends MapRepositoryContract {
  @Override
  DataSource dataSource() {
    return TestDatabases.postgis();
  }
}
