package dev.tessera.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.store.Ids;
import dev.tessera.server.store.Rows;
import dev.tessera.server.user.Role;
import dev.tessera.server.user.User;
import dev.tessera.server.user.UserRepository;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local accounts and API tokens (identity-provider users join through {@link ExternalIdentities}). Thread-safe. */
@Service
public class IdentityService {
  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private static final int TOKEN_TTL_SECONDS = 30;

  private final Cache<String, Optional<Caller>> recentTokens =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(TOKEN_TTL_SECONDS)).maximumSize(10_000).build();
  private final PasswordEncoder passwords;
  /** Compared against when the email is unknown, so a login's timing does not tell whether an account exists. */
  private final String dummyHash;

  IdentityService(UserRepository users, ApiTokenRepository tokens, PasswordEncoder passwords) {
    this.users = users;
    this.tokens = tokens;
    this.passwords = passwords;
    this.dummyHash = passwords.encode(Tokens.newToken());
  }

  /** A token as issued: the secret is shown to its owner this once and never stored. */
  public record IssuedToken(ApiToken token, String secret) {}

  @Transactional
  public User createLocalUser(String email, String name, String password, boolean admin) {
    if (users.findByEmail(email).isPresent()) {
      throw ApiException.conflict("email_taken", "A user with email " + email + " already exists.")
          .with("field", "email");
    }
    User user = users.create(email, name, null);
    users.setPasswordHash(user.id(), passwords.encode(password));
    if (admin) {
      users.grant(user.id(), Role.ADMIN);
    }
    return user;
  }

  /** The user whose email and password match, if any. */
  public Optional<User> authenticate(String email, String password) {
    Optional<User> user = users.findByEmail(email);
    String hash = user.flatMap(u -> users.passwordHash(u.id())).orElse(dummyHash);
    boolean matches = passwords.matches(password, hash);
    return matches ? user : Optional.empty();
  }

  @Transactional
  public IssuedToken issueToken(UUID userId, String name) {
    return storeToken(userId, name, Tokens.newToken());
  }

  /** Registers a token chosen by the operator (ADMIN_TOKEN), unless it is already registered. */
  @Transactional
  public void ensureToken(UUID userId, String name, String secret) {
    if (tokens.findUserByHash(Tokens.hash(secret)).isEmpty()) {
      storeToken(userId, name, secret);
    }
  }

  /**
   * The caller a bearer token stands for. Answers are kept {@value #TOKEN_TTL_SECONDS} s: a token lookup (hash, token
   * row, roles) costs more than serving a cached tile. Revoking through {@link #revokeToken} takes effect at once on
   * this node, and within that time on others.
   */
  public Optional<Caller> callerForToken(String secret) {
    return recentTokens.get(Tokens.hash(secret), hash -> tokens.findUserByHash(hash).map(this::callerFor));
  }

  /** Deletes one of the user's tokens; false if the user has no such token. */
  public boolean revokeToken(UUID userId, UUID tokenId) {
    boolean deleted = tokens.delete(userId, tokenId);
    recentTokens.invalidateAll();
    return deleted;
  }

  /** Forgets cached token answers, e.g. after a user's tokens were deleted in bulk. */
  void dropCachedTokens() {
    recentTokens.invalidateAll();
  }

  public Caller callerFor(UUID userId) {
    return new Caller(userId, users.roles(userId).contains(Role.ADMIN));
  }

  private IssuedToken storeToken(UUID userId, String name, String secret) {
    ApiToken token = new ApiToken(Ids.newId(), userId, name, Rows.now(), null);
    String hash = Tokens.hash(secret);
    tokens.insert(token, hash);
    // a request with this token before it existed (ADMIN_TOKEN used while the server was still starting) left a
    // cached "unknown token" answer; the token works from now on
    recentTokens.invalidate(hash);
    return new IssuedToken(token, secret);
  }
}
