package dev.tessera.server.api;

import static dev.tessera.server.api.ApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OIDC bearer tokens against a JWKS served by the test, with keys made by the test: valid tokens sign users in (and
 * create them on first sight); expired, wrong-issuer, wrong-audience, badly signed, unsigned and HMAC tokens are
 * refused; a rotated key is fetched; API tokens and local accounts keep working beside them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcTokensIT {
  static final String ISSUER = "https://id.example.test";
  static final String AUDIENCE = "tessera-api";
  static final String ADMIN_TOKEN = "tsr_oidc-test-admin-token-0123456789";
  static final RSAKey FIRST_KEY = rsa("first");
  static final RSAKey SECOND_KEY = rsa("second");
  static final AtomicReference<JWKSet> PUBLISHED = new AtomicReference<>(new JWKSet(FIRST_KEY.toPublicJWK()));
  static final AtomicInteger JWKS_FETCHES = new AtomicInteger();
  static final HttpServer JWKS = jwksServer();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    registry.add("tessera.data-dir", () -> tempDir());
    registry.add("tessera.demo.enabled", () -> "false");
    registry.add("tessera.admin.token", () -> ADMIN_TOKEN);
    registry.add("tessera.admin.password", () -> "admin-password-1");
    registry.add("tessera.identity.oidc-issuer", () -> ISSUER);
    registry.add("tessera.identity.oidc-audience", () -> AUDIENCE);
    registry.add("tessera.identity.oidc-jwks-url", () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks.json");
  }

  @AfterAll
  static void stopJwks() {
    JWKS.stop(0);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private ApiClient with(String token) {
    return new ApiClient(port, token);
  }

  private int users() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM users", Integer.class);
  }

  @Test
  void aValidTokenSignsInAndCreatesTheUserOnFirstSightOnly() {
    String subject = "user_" + UUID.randomUUID();
    var claims = claims(subject).claim("email", subject + "@Example.org").claim("name", "Ada Lovelace")
        .claim("picture", "https://img.example.test/ada.png");
    var me = with(sign(FIRST_KEY, claims.build())).get("/api/users/me");
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().get("external_id").asString()).isEqualTo(subject);
    assertThat(me.json().get("email").asString()).isEqualTo(subject.toLowerCase() + "@example.org");
    assertThat(me.json().get("name").asString()).isEqualTo("Ada Lovelace");
    assertThat(me.json().get("avatar_url").asString()).isEqualTo("https://img.example.test/ada.png");

    int before = users();
    var again = with(sign(FIRST_KEY, claims.claim("name", "Ada King").build())).get("/api/users/me");
    assertThat(again.json().get("id").asString()).isEqualTo(me.json().get("id").asString());
    assertThat(again.json().get("name").asString()).as("profile claims update the user").isEqualTo("Ada King");
    assertThat(users()).isEqualTo(before);
    var map = with(sign(FIRST_KEY, claims(subject).build())).post("/api/maps", "{\"name\": \"by token\"}");
    assertThat(map.status()).isEqualTo(201);
  }

  @Test
  void invalidTokensAreRefusedAndCreateNoUser() throws Exception {
    with(sign(FIRST_KEY, claims("warm-up").build())).get("/api/users/me");
    int before = users();
    Instant now = Instant.now();
    String expired = sign(FIRST_KEY, claims("u1").issueTime(Date.from(now.minusSeconds(7200)))
        .expirationTime(Date.from(now.minusSeconds(3600))).build());
    String wrongIssuer = sign(FIRST_KEY, claims("u2").issuer("https://evil.example.test").build());
    String wrongAudience = sign(FIRST_KEY, claims("u3").audience("someone-else").build());
    String badSignature = sign(rsa("first"), claims("u4").build()); // same key id, other key
    String unsigned = new PlainJWT(claims("u5").build()).serialize();
    String hmac = hmac(claims("u6").build());
    String noExpiry = sign(FIRST_KEY, new JWTClaimsSet.Builder().subject("u7").issuer(ISSUER).audience(AUDIENCE).build());
    String tamperedSubject = tamper(sign(FIRST_KEY, claims("u8").build()));
    for (String token : new String[] {expired, wrongIssuer, wrongAudience, badSignature, unsigned, hmac, noExpiry, tamperedSubject}) {
      assertProblem(with(token).get("/api/users/me"), 401, "unauthorized");
      assertProblem(with(token).get("/api/maps"), 401, "unauthorized");
    }
    assertThat(users()).isEqualTo(before);
  }

  @Test
  void keysAreCachedAndARotatedKeyIsFetched() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(with(sign(FIRST_KEY, claims("cached-" + i).build())).get("/api/users/me").status()).isEqualTo(200);
    }
    int fetches = JWKS_FETCHES.get();
    assertThat(with(sign(FIRST_KEY, claims("cached-3").build())).get("/api/users/me").status()).isEqualTo(200);
    assertThat(JWKS_FETCHES.get()).as("keys come from the cache").isEqualTo(fetches);

    PUBLISHED.set(new JWKSet(SECOND_KEY.toPublicJWK()));
    Thread.sleep(1100); // past the re-fetch rate limit
    assertThat(with(sign(SECOND_KEY, claims("rotated").build())).get("/api/users/me").status()).isEqualTo(200);
    assertThat(JWKS_FETCHES.get()).isEqualTo(fetches + 1);
    Thread.sleep(1100);
    assertProblem(with(sign(FIRST_KEY, claims("retired").build())).get("/api/users/me"), 401, "unauthorized");
    PUBLISHED.set(new JWKSet(java.util.List.of(FIRST_KEY.toPublicJWK(), SECOND_KEY.toPublicJWK())));
  }

  @Test
  void apiTokensAndLocalAccountsKeepWorkingBesideOidc() {
    assertThat(with(ADMIN_TOKEN).get("/api/users/me").status()).isEqualTo(200);
    String basic = Base64.getEncoder().encodeToString("admin@localhost:admin-password-1".getBytes(StandardCharsets.UTF_8));
    assertThat(with(null).get("/api/users/me", "Authorization", "Basic " + basic).status()).isEqualTo(200);
    var login = with(null).post("/api/auth/login", "{\"email\": \"admin@localhost\", \"password\": \"admin-password-1\"}");
    assertThat(with(login.json().get("token").asString()).get("/api/users/me").status()).isEqualTo(200);
    assertProblem(with("tsr_not-a-token").get("/api/users/me"), 401, "unauthorized");
  }

  // --- tokens

  private static JWTClaimsSet.Builder claims(String subject) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)));
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      var jwt = new SignedJWT(
          new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** HS256 keyed with the public key's modulus: the classic algorithm-confusion attack. */
  private static String hmac(JWTClaimsSet claims) throws Exception {
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(FIRST_KEY.getKeyID()).build(), claims);
    jwt.sign(new MACSigner(FIRST_KEY.getModulus().decode()));
    return jwt.serialize();
  }

  /** The signed token with its payload swapped for another subject's. */
  private static String tamper(String token) {
    String[] parts = token.split("\\.");
    String other = sign(FIRST_KEY, claims("someone-else").build()).split("\\.")[1];
    return parts[0] + "." + other + "." + parts[2];
  }

  private static RSAKey rsa(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer jwksServer() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/jwks.json",
          exchange -> {
            JWKS_FETCHES.incrementAndGet();
            byte[] body = PUBLISHED.get().toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String tempDir() {
    try {
      return Files.createTempDirectory("tessera-oidc").toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
