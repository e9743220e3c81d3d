package dev.tessera.server.user;

import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.Caller;
import dev.tessera.server.security.IdentityService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/users}: an administrator creates a local account (email, name, password; optionally another
 * admin). The new user signs in with {@code POST /api/auth/login}.
 */
@RestController
class UserAdminController {
  private final IdentityService identity;
  private final UserRepository users;

  UserAdminController(IdentityService identity, UserRepository users) {
    this.identity = identity;
    this.users = users;
  }

  record NewUser(
      @NotBlank @Email @Size(max = 320) String email,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(min = 8, max = 200) String password,
      Boolean admin) {}

  record CreatedUser(UUID id, String email, String name, Set<Role> roles, Instant createdAt) {}

  @PostMapping("/api/users")
  ResponseEntity<CreatedUser> create(Caller caller, @Valid @RequestBody NewUser input) {
    if (caller.anonymousCaller()) {
      throw ApiException.unauthorized("Sign in as an administrator to create users.");
    }
    if (!caller.admin()) {
      throw ApiException.forbidden("Only administrators create users.");
    }
    User user = identity.createLocalUser(input.email().trim(), input.name().trim(), input.password(), Boolean.TRUE.equals(input.admin()));
    return ResponseEntity.created(URI.create("/api/users/" + user.id()))
        .body(new CreatedUser(user.id(), user.email(), user.name(), users.roles(user.id()), user.createdAt()));
  }
}
