package dev.tessera.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without OIDC_JWKS_URL the JWKS is found by OIDC discovery at the issuer, on the first token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcDiscoveryIT {
  static final RSAKey KEY = key();
  static final HttpServer ISSUER = issuer();

  static String issuerUrl() {
    return "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/tenant";
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    String dir = Files.createTempDirectory("tessera-discovery").toString();
    registry.add("tessera.data-dir", () -> dir);
    registry.add("tessera.demo.enabled", () -> "false");
    registry.add("tessera.identity.oidc-issuer", OidcDiscoveryIT::issuerUrl);
  }

  @AfterAll
  static void stop() {
    ISSUER.stop(0);
  }

  @LocalServerPort int port;

  @Test
  void theJwksNamedByTheIssuersMetadataVerifiesTokens() throws Exception {
    Instant now = Instant.now();
    var claims = new JWTClaimsSet.Builder().subject("discovered").issuer(issuerUrl()).audience("any")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60))).build();
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(KEY));
    var me = new ApiClient(port, jwt.serialize()).get("/api/users/me");
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().get("external_id").asString()).isEqualTo("discovered");
  }

  private static RSAKey key() {
    try {
      return new RSAKeyGenerator(2048).keyID("discovered-key").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer issuer() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/tenant/.well-known/openid-configuration",
          exchange -> send(exchange, "{\"issuer\": \"%s\", \"jwks_uri\": \"%s/keys\"}".formatted(issuerUrl(), issuerUrl())));
      server.createContext("/tenant/keys", exchange -> send(exchange, new JWKSet(KEY.toPublicJWK()).toString(true)));
      server.start();
      return server;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void send(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
