package dev.tessera.server.comment;

import dev.tessera.server.store.TestDatabases;
import javax.sql.DataSource;

class CommentRepositoryH2gisTest extends CommentRepositoryContract {
  private static final DataSource DB = TestDatabases.h2gis();

  @Override
  DataSource dataSource() {
    return DB;
  }
}
