package dev.tessera.server.collab;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class CollaboratorRepositoryPostgisIT extends CollaboratorRepositoryContract {
  @Override
  DataSource dataSource() {
    return TestDatabases.postgis();
  }
}
