package dev.tessera.server.user;

import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.security.IdentityService;
import dev.tessera.server.security.Tokens;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator on first start. Credentials that were not given by ADMIN_PASSWORD / ADMIN_TOKEN
 * are generated and printed this once; later starts only register a newly given ADMIN_TOKEN.
 */
@Component
public class AdminBootstrap {
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final UserRepository users;
  private final IdentityService identity;
  private final TesseraProperties.Admin admin;

  AdminBootstrap(UserRepository users, IdentityService identity, TesseraProperties properties) {
    this.users = users;
    this.identity = identity;
    this.admin = properties.admin();
  }

  /** Returns the id of the first admin, creating it if there is none. */
  @Transactional
  public UUID ensureAdmin() {
    var existing = users.findByEmail(admin.email()).filter(u -> users.roles(u.id()).contains(Role.ADMIN));
    if (existing.isPresent() || users.anyWithRole(Role.ADMIN)) {
      UUID id = existing.map(User::id).orElseGet(this::anyAdmin);
      if (notBlank(admin.token())) {
        identity.ensureToken(id, "ADMIN_TOKEN", admin.token());
      }
      return id;
    }
    boolean generatedPassword = !notBlank(admin.password());
    String password = generatedPassword ? Tokens.newToken().substring(4, 24) : admin.password();
    User user = identity.createLocalUser(admin.email(), "Administrator", password, true);
    String token;
    if (notBlank(admin.token())) {
      identity.ensureToken(user.id(), "ADMIN_TOKEN", admin.token());
      token = null;
    } else {
      token = identity.issueToken(user.id(), "first admin").secret();
    }
    StringBuilder banner = new StringBuilder("\n\n  Tessera created its first administrator: ").append(admin.email());
    if (generatedPassword) {
      banner.append("\n    password:  ").append(password);
    }
    if (token != null) {
      banner.append("\n    API token: ").append(token).append("   (use as 'Authorization: Bearer <token>')");
    }
    if (generatedPassword || token != null) {
      banner.append("\n  These are shown only now. Set ADMIN_PASSWORD / ADMIN_TOKEN to choose them yourself.\n");
    }
    log.info(banner.toString());
    return user.id();
  }

  private UUID anyAdmin() {
    throw new IllegalStateException(
        "An administrator exists but not with ADMIN_EMAIL=" + admin.email() + "; set ADMIN_EMAIL to the admin's email.");
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}
