package dev.tessera.server.collab;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class CollaboratorRepositoryH2gisTest extends CollaboratorRepositoryContract {
  private static final DataSource DB = TestDatabases.h2gis();

  @Override
  DataSource dataSource() {
    return DB;
  }
}
