package dev.tessera.server.layer;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class LayerRepositoryH2gisTest extends LayerRepositoryContract {
  private static final DataSource DB = TestDatabases.h2gis();

  @Override
  DataSource dataSource() {
    return DB;
  }
}
