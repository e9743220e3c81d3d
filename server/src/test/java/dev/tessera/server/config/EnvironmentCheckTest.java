package dev.tessera.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EnvironmentCheckTest {

  @Test
  void aSaneEnvironmentPasses() {
    assertThat(
            EnvironmentCheck.problems(
                Map.of(
                    "SERVER_PORT", "8080",
                    "DATABASE_URL", "postgres://tessera:secret@db:5432/tessera",
                    "LOG_LEVEL", "debug",
                    "ENABLE_METRICS", "true",
                    "ADMIN_EMAIL", "ops@example.org",
                    "OIDC_ISSUER", "https://clerk.example.org",
                    "OIDC_JWKS_URL", "https://clerk.example.org/.well-known/jwks.json",
                    "WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "SERVER_PORT, eighty, SERVER_PORT",
    "SERVER_PORT, 70000, SERVER_PORT",
    "DATABASE_URL, mysql://db/tessera, DATABASE_URL",
    "DATABASE_URL, postgres://db, DATABASE_URL",
    "LOG_LEVEL, LOUD, LOG_LEVEL",
    "RATE_LIMIT_ENABLED, maybe, RATE_LIMIT_ENABLED",
    "MAX_BODY_SIZE, 12, MAX_BODY_SIZE",
    "ADMIN_EMAIL, not-an-email, ADMIN_EMAIL",
    "ADMIN_PASSWORD, short, ADMIN_PASSWORD",
    "ADMIN_TOKEN, short, ADMIN_TOKEN",
    "OIDC_ISSUER, clerk.example.org, OIDC_ISSUER",
    "OIDC_JWKS_URL, file:///etc/keys.json, OIDC_JWKS_URL",
    "WEBHOOK_SECRET, MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw, WEBHOOK_SECRET",
    "WEBHOOK_SECRET, whsec_not base64!, WEBHOOK_SECRET"
  })
  void eachBadVariableIsNamed(String name, String value, String named) {
    assertThat(EnvironmentCheck.problems(Map.of(name, value))).singleElement().asString().startsWith(named);
  }

  @Test
  void databaseUrlsBecomeJdbcUrlsWithCredentials() {
    var url = DatabaseUrl.parse("postgresql://tessera:p%40ss@db.internal:6543/maps?sslmode=require");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/maps?sslmode=require");
    assertThat(url.username()).isEqualTo("tessera");
    assertThat(url.password()).isEqualTo("p@ss");
    assertThat(url.toString()).doesNotContain("p@ss");
    assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/t").postgres()).isTrue();
  }
}
