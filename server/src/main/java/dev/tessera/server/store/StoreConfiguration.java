package dev.tessera.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tessera.server.config.DatabaseUrl;
import dev.tessera.server.config.TesseraProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Chooses the store: PostgreSQL + PostGIS when {@code DATABASE_URL} is set, otherwise an H2GIS file under
 * {@code DATA_DIR}. Flyway then migrates it from {@code db/migration/{vendor}}.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(TesseraProperties properties) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("tessera");
    if (properties.embedded()) {
      Path dir = properties.dataDir().toAbsolutePath().normalize();
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("DATA_DIR " + dir + " cannot be created", e);
      }
      config.setJdbcUrl(embeddedUrl(dir));
      config.setUsername("sa");
      config.setPassword("");
      config.setMaximumPoolSize(8);
    } else {
      DatabaseUrl url = DatabaseUrl.parse(properties.databaseUrl());
      config.setJdbcUrl(url.jdbcUrl());
      if (url.username() != null) {
        config.setUsername(url.username());
      }
      if (url.password() != null) {
        config.setPassword(url.password());
      }
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
      config.setMaximumPoolSize(16);
      // Grow under load, give back when idle: instances (and test contexts) sharing one PostgreSQL server would
      // otherwise each hold 16 connections of its max_connections (100 by default) all the time.
      config.setMinimumIdle(2);
      config.setIdleTimeout(60_000);
    }
    return new HikariDataSource(config);
  }

  @Bean
  SqlDialect sqlDialect(HikariDataSource dataSource) {
    return SqlDialect.forJdbcUrl(dataSource.getJdbcUrl());
  }

  @Bean
  JdbcTemplate jdbcTemplate(DataSource dataSource) {
    return new JdbcTemplate(dataSource);
  }

  /** File store URL: one H2 database file, locked by the process that opens it first. */
  static String embeddedUrl(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("tessera") + ";DB_CLOSE_ON_EXIT=FALSE";
  }
}
