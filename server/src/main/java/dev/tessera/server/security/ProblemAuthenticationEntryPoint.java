package dev.tessera.server.security;

import dev.tessera.server.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.ObjectMapper;

/** 401 as problem+json, naming both ways to authenticate. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {
  private final ObjectMapper json;

  ProblemAuthenticationEntryPoint(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tessera\", Basic realm=\"tessera\"");
    String detail =
        e.getMessage() != null && e.getMessage().contains("bearer token")
            ? e.getMessage()
            : "Sign in: send an API token as 'Authorization: Bearer <token>' or email and password with HTTP Basic.";
    var problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    json.writeValue(response.getOutputStream(), problem);
  }
}
