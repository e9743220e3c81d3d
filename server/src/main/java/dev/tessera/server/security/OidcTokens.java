package dev.tessera.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tessera.server.config.TesseraProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * OIDC bearer tokens ({@code OIDC_ISSUER}): a JWT is accepted when signed by a key of the issuer's JWKS with an
 * asymmetric algorithm (so {@code alg=none} and HMAC tokens are refused), unexpired, from the issuer and, when
 * {@code OIDC_AUDIENCE} is set, for that audience. The JWKS ({@code OIDC_JWKS_URL}, else found by OIDC discovery on
 * first use) is cached for {@value #KEYS_KEPT_MINUTES} minutes and fetched again at once when a token names an unknown
 * key (rotation), at most every {@value #REFETCH_MILLIS} ms. The token's subject becomes a user on first sight.
 * Thread-safe.
 */
@Component
class OidcTokens {
  private static final Logger LOG = LoggerFactory.getLogger(OidcTokens.class);
  static final int KEYS_KEPT_MINUTES = 10;
  static final int REFETCH_MILLIS = 1000;
  private static final int HTTP_TIMEOUT_MILLIS = 5000;
  private static final int MAX_JWKS_BYTES = 512 * 1024;
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384,
          JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

  private final JwtDecoder decoder;
  private final ExternalIdentities externals;
  private final IdentityService identity;
  /** Verified tokens for 30 s (never past their expiry): verifying and syncing the user cost more than a tile. */
  private final Cache<String, Verified> recent =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();

  private record Verified(Caller caller, Instant expiresAt) {}

  OidcTokens(TesseraProperties properties, ExternalIdentities externals, IdentityService identity, ObjectMapper json) {
    this.externals = externals;
    this.identity = identity;
    TesseraProperties.Identity config = properties.identity();
    this.decoder = config.oidcEnabled() ? new SupplierJwtDecoder(() -> decoder(config, json)) : null;
  }

  boolean enabled() {
    return decoder != null;
  }

  /** A JWT has three dot-separated parts; API tokens have none. */
  static boolean looksLikeJwt(String token) {
    return token.chars().filter(c -> c == '.').count() == 2;
  }

  /** The caller a valid token stands for; empty for any invalid token. */
  Optional<Caller> callerFor(String token) {
    String key = Tokens.hash(token);
    Verified cached = recent.getIfPresent(key);
    if (cached != null && Instant.now().isBefore(cached.expiresAt())) {
      return Optional.of(cached.caller());
    }
    Jwt jwt;
    try {
      jwt = decoder.decode(token);
    } catch (JwtException e) {
      LOG.debug("OIDC token refused: {}", e.getMessage());
      return Optional.empty();
    }
    var user =
        externals.sync(
            new ExternalProfile(
                jwt.getSubject(), jwt.getClaimAsString("email"), name(jwt), jwt.getClaimAsString("picture")));
    Caller caller = identity.callerFor(user.id());
    recent.put(key, new Verified(caller, jwt.getExpiresAt()));
    return Optional.of(caller);
  }

  private static String name(Jwt jwt) {
    String name = jwt.getClaimAsString("name");
    if (name != null) {
      return name;
    }
    String joined = String.join(" ", Objects.requireNonNullElse(jwt.getClaimAsString("given_name"), ""),
        Objects.requireNonNullElse(jwt.getClaimAsString("family_name"), "")).trim();
    return joined.isEmpty() ? jwt.getClaimAsString("preferred_username") : joined;
  }

  private static JwtDecoder decoder(TesseraProperties.Identity config, ObjectMapper json) {
    ResourceRetriever http = new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, MAX_JWKS_BYTES);
    String jwksUrl =
        config.oidcJwksUrl() == null || config.oidcJwksUrl().isBlank()
            ? discoverJwksUrl(config.oidcIssuer(), http, json)
            : config.oidcJwksUrl();
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.create(url(jwksUrl), http)
            .cache(Duration.ofMinutes(KEYS_KEPT_MINUTES).toMillis(), HTTP_TIMEOUT_MILLIS)
            .rateLimited(REFETCH_MILLIS)
            .retrying(false)
            .refreshAheadCache(false)
            .build();
    var processor = new DefaultJWTProcessor<SecurityContext>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    var decoder = new NimbusJwtDecoder(processor);
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(JwtValidators.createDefaultWithIssuer(config.oidcIssuer()));
    validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
    validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, s -> s != null && !s.isBlank()));
    if (config.oidcAudience() != null && !config.oidcAudience().isBlank()) {
      validators.add(
          new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(config.oidcAudience())));
    }
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    return decoder;
  }

  /** OIDC discovery: the issuer's metadata names its JWKS, and must name the issuer itself. */
  private static String discoverJwksUrl(String issuer, ResourceRetriever http, ObjectMapper json) {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    try {
      JsonNode metadata = json.readTree(http.retrieveResource(url(base + "/.well-known/openid-configuration")).getContent());
      if (!issuer.equals(metadata.path("issuer").asString(""))) {
        throw new IllegalStateException("OIDC discovery of " + issuer + " names another issuer");
      }
      return metadata.path("jwks_uri").asString();
    } catch (IOException e) {
      throw new UncheckedIOException("OIDC discovery of " + issuer + " failed", e);
    }
  }

  private static URL url(String url) {
    try {
      return URI.create(url).toURL();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("not a URL: " + url, e);
    }
  }
}
