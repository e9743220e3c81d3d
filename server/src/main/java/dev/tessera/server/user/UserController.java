package dev.tessera.server.user;

import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.ApiToken;
import dev.tessera.server.security.ApiTokenRepository;
import dev.tessera.server.security.Caller;
import dev.tessera.server.security.IdentityService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user and their API tokens. */
@RestController
@RequestMapping("/api/users/me")
class UserController {
  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final IdentityService identity;

  UserController(UserRepository users, ApiTokenRepository tokens, IdentityService identity) {
    this.users = users;
    this.tokens = tokens;
    this.identity = identity;
  }

  record Me(
      UUID id, String externalId, String email, String name, String avatarUrl, Set<Role> roles, Instant createdAt) {}

  record TokenRequest(@Size(min = 1, max = 100) String name) {}

  record IssuedToken(UUID id, String name, String token, Instant createdAt) {}

  @GetMapping
  Me me(Caller caller) {
    User user = signedIn(caller);
    return new Me(
        user.id(), user.externalId(), user.email(), user.name(), user.avatarUrl(), users.roles(user.id()),
        user.createdAt());
  }

  @GetMapping("/tokens")
  List<ApiToken> listTokens(Caller caller) {
    return tokens.findByUser(signedIn(caller).id());
  }

  /** Issues an API token; its secret is in this response only. */
  @PostMapping("/tokens")
  ResponseEntity<IssuedToken> createToken(Caller caller, @Valid @RequestBody TokenRequest request) {
    User user = signedIn(caller);
    String name = request.name() == null || request.name().isBlank() ? "api token" : request.name().trim();
    var issued = identity.issueToken(user.id(), name);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new IssuedToken(issued.token().id(), name, issued.secret(), issued.token().createdAt()));
  }

  @DeleteMapping("/tokens/{tokenId}")
  ResponseEntity<Void> deleteToken(Caller caller, @PathVariable UUID tokenId) {
    if (!identity.revokeToken(signedIn(caller).id(), tokenId)) {
      throw ApiException.notFound("token", tokenId);
    }
    return ResponseEntity.noContent().build();
  }

  private User signedIn(Caller caller) {
    if (caller.anonymousCaller()) {
      throw ApiException.unauthorized("Sign in to see your account.");
    }
    return users.findById(caller.userId()).orElseThrow(() -> ApiException.unauthorized("Your account is gone."));
  }
}
