package dev.tessera.server.layer;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class LayerRepositoryPostgisIT extends LayerRepositoryContract {
  @Override
  DataSource dataSource() {
    return TestDatabases.postgis();
  }
}
