package dev.tessera.server.map;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class MapRepositoryH2gisTest extends MapRepositoryContract {
  private static final DataSource DB = TestDatabases.h2gis();

  @Override
  DataSource dataSource() {
    return DB;
  }
}
