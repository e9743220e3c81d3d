package dev.tessera.server.security;

import dev.tessera.server.problem.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Email and password in, a bearer token out: how the web app and scripts sign in with a local account. */
@RestController
class AuthController {
  private final IdentityService identity;

  AuthController(IdentityService identity) {
    this.identity = identity;
  }

  record LoginRequest(@NotBlank String email, @NotBlank String password) {}

  record LoginResponse(String token, String tokenType, UUID userId) {}

  @PostMapping("/api/auth/login")
  LoginResponse login(@Valid @RequestBody LoginRequest request) {
    var user =
        identity
            .authenticate(request.email(), request.password())
            .orElseThrow(() -> ApiException.unauthorized("Email or password is wrong."));
    var issued = identity.issueToken(user.id(), "login");
    return new LoginResponse(issued.secret(), "Bearer", user.id());
  }
}
