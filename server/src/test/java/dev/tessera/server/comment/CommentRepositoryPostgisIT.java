package dev.tessera.server.comment;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class CommentRepositoryPostgisIT extends CommentRepositoryContract {
  @Override
  DataSource dataSource() {
    return TestDatabases.postgis();
  }
}
