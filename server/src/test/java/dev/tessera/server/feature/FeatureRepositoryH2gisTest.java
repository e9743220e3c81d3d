package dev.tessera.server.feature;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class FeatureRepositoryH2gisTest extends FeatureRepositoryContract {
  private static final DataSource DB = TestDatabases.h2gis();

  @Override
  DataSource dataSource() {
    return DB;
  }
}
