package dev.tessera.server.user;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Users, their roles and local passwords. Implementations are thread-safe. */
public interface UserRepository {

  /** Creates a user; the email is stored lower-case. Fails if the email or external id is taken. */
  User create(String email, String name, String externalId);

  Optional<User> findById(UUID id);

  /** Case-insensitive. */
  Optional<User> findByEmail(String email);

  Optional<User> findByExternalId(String externalId);

  /** Replaces email (stored lower-case), name and avatar, as an identity provider reports them. */
  void updateProfile(UUID id, String email, String name, String avatarUrl);

  /**
   * Forgets a user the identity provider deleted: profile cleared, roles, password, API tokens and collaborations
   * removed. The row stays, so the maps, layers and comments they made keep an author.
   */
  void forget(UUID id);

  void setPasswordHash(UUID userId, String passwordHash);

  Optional<String> passwordHash(UUID userId);

  void grant(UUID userId, Role role);

  Set<Role> roles(UUID userId);

  boolean anyWithRole(Role role);
}
