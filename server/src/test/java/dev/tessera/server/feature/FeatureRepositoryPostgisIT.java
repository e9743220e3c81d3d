package dev.tessera.server.feature;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class FeatureRepositoryPostgisIT extends FeatureRepositoryContract {
  @Override
  DataSource dataSource() {
    return TestDatabases.postgis();
  }
}
