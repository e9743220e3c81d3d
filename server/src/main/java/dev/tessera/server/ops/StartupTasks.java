package dev.tessera.server.ops;

import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.demo.DemoContent;
import dev.tessera.server.user.AdminBootstrap;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** After migrations: make sure there is an admin, and give a new embedded store its demo map. */
@Component
class StartupTasks implements ApplicationRunner {
  private final AdminBootstrap admin;
  private final DemoContent demo;
  private final TesseraProperties properties;
  private final JdbcTemplate jdbc;

  StartupTasks(AdminBootstrap admin, DemoContent demo, TesseraProperties properties, JdbcTemplate jdbc) {
    this.admin = admin;
    this.demo = demo;
    this.properties = properties;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    var adminId = admin.ensureAdmin();
    if (properties.embedded() && properties.demo().enabled() && emptyStore()) {
      demo.create(adminId);
    }
  }

  private boolean emptyStore() {
    Integer maps = jdbc.queryForObject("SELECT COUNT(*) FROM maps", Integer.class);
    Integer layers = jdbc.queryForObject("SELECT COUNT(*) FROM layers", Integer.class);
    return maps != null && maps == 0 && layers != null && layers == 0;
  }
}
