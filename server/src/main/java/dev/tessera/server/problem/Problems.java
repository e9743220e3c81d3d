package dev.tessera.server.problem;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem documents every error path shares, so they look alike wherever they come from. */
public final class Problems {
  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String code, String detail, Map<String, Object> properties) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:tessera:problem:" + code));
    problem.setProperty("code", code);
    properties.forEach(problem::setProperty);
    return problem;
  }

  public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
    return of(status, code, detail, Map.of());
  }
}
