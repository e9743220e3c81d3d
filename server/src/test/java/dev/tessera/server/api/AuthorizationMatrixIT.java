package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.server.api.Rule.Level;
import dev.tessera.server.api.Rule.Role;
import dev.tessera.server.security.IdentityService;
import dev.tessera.server.store.SqlDialect;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Runs every row of the {@link AuthorizationMatrix} as each kind of caller against a private, a collaborators and a
 * public map, each write on a fresh fixture, and fails if an endpoint of the application has no row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("tessera-matrix");
    registry.add("tessera.data-dir", dir::toString);
    registry.add("tessera.demo.enabled", () -> "false");
    registry.add("tessera.identity.webhook-secret", () -> "whsec_bWF0cml4LXdlYmhvb2stc2VjcmV0");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SqlDialect dialect;
  @Autowired IdentityService identity;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final Map<Role, UUID> users = new EnumMap<>(Role.class);
  private final Map<Role, String> tokens = new EnumMap<>(Role.class);
  private MatrixFixture fixtures;

  @BeforeAll
  void users() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    for (Role role : Role.values()) {
      if (role == Role.ANONYMOUS) {
        continue;
      }
      String email = role == Role.OWNER ? "owner@matrix.test" : role.name().toLowerCase() + "-" + suffix + "@matrix.test";
      if (role == Role.OWNER && identity.authenticate(email, "password-123").isPresent()) {
        email = "owner-" + suffix + "@matrix.test";
      }
      var user = identity.createLocalUser(email, role.name(), "password-123", false);
      users.put(role, user.id());
      tokens.put(role, identity.issueToken(user.id(), "matrix").secret());
    }
    fixtures = new MatrixFixture(jdbc, dialect, users);
  }

  @Test
  void everyEndpointHasARow() {
    var declared = new TreeSet<String>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (!handler.getBeanType().getPackageName().startsWith("dev.tessera")) {
                return; // springdoc's and Boot's error endpoints
              }
              var methods = info.getMethodsCondition().getMethods();
              for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                  declared.add("ANY " + pattern);
                }
                methods.forEach(m -> declared.add(m.name() + " " + pattern));
              }
            });
    var rows = new TreeSet<String>();
    AuthorizationMatrix.ROWS.forEach(r -> rows.add(r.endpoint()));
    var missing = new TreeSet<>(declared);
    missing.removeAll(rows);
    var stale = new TreeSet<>(rows);
    stale.removeAll(declared);
    assertThat(missing).as("endpoints without a row in AuthorizationMatrix").isEmpty();
    assertThat(stale).as("rows in AuthorizationMatrix for endpoints that do not exist").isEmpty();
  }

  @Test
  void everyCallerGetsWhatThePermissionModelAllows() {
    List<String> failures = new ArrayList<>();
    for (Level level : Level.values()) {
      Map<String, String> shared = fixtures.create(level);
      for (Row row : AuthorizationMatrix.ROWS) {
        for (Role role : Role.values()) {
          Map<String, String> fixture = row.writes() ? fixtures.create(level) : shared;
          check(row, role, level, fixture, failures);
        }
      }
    }
    assertThat(failures).as("authorization matrix mismatches").isEmpty();
  }

  private void check(Row row, Role role, Level level, Map<String, String> fixture, List<String> failures) {
    var values = new HashMap<>(fixture);
    values.put(
        "myToken",
        role == Role.ANONYMOUS
            ? UUID.randomUUID().toString()
            : identity.issueToken(users.get(role), "matrix").token().id().toString());
    String path = fill(row.path(), values);
    int expected = row.rule().expected(role, level);
    Answer answer = send(row, role, path, fill(row.body(), values));
    String cell = "%s as %s on a %s map".formatted(row.method() + " " + path, role, level.value());
    if (answer.status() != expected) {
      failures.add("%s: expected %d, got %d %s".formatted(cell, expected, answer.status(), abbreviate(answer.body())));
    } else if (row.listedId() != null && !row.stream()) {
      String id = fill(row.listedId(), values);
      if (answer.body().contains(id) != role.canView(level)) {
        failures.add(cell + ": the list " + (role.canView(level) ? "misses " : "shows ") + id);
      }
    }
  }

  private record Answer(int status, String body) {}

  private final HttpClient http = HttpClient.newHttpClient();

  private Answer send(Row row, Role role, String path, String body) {
    var request =
        HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .method(row.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (role != Role.ANONYMOUS) {
      request.header("Authorization", "Bearer " + tokens.get(role));
    }
    try {
      if (row.stream()) {
        HttpResponse<InputStream> r = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        r.body().close();
        return new Answer(r.statusCode(), "");
      }
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String fill(String template, Map<String, String> values) {
    if (template == null) {
      return null;
    }
    String result = template;
    for (var e : values.entrySet()) {
      result = result.replace("{" + e.getKey() + "}", e.getValue());
    }
    return result;
  }

  private static String abbreviate(String body) {
    return body.length() > 160 ? body.substring(0, 160) + "…" : body;
  }
}
