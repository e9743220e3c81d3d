package dev.tessera.server.security;

import dev.tessera.server.user.User;
import dev.tessera.server.user.UserRepository;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users of an identity provider, kept in step by first sight of a token and by the user sync webhook. An email
 * already used by another account is not taken over (the provider's user is stored without it): linking accounts by
 * email would let whoever controls a provider account claim a local one. Thread-safe.
 */
@Service
public class ExternalIdentities {
  private final UserRepository users;
  private final IdentityService identity;
  private final TransactionTemplate tx;

  ExternalIdentities(UserRepository users, IdentityService identity, TransactionTemplate tx) {
    this.users = users;
    this.identity = identity;
    this.tx = tx;
  }

  /** The user for the profile: created on first sight, its profile updated when it changed. */
  public User sync(ExternalProfile profile) {
    try {
      return tx.execute(status -> upsert(profile));
    } catch (DuplicateKeyException e) {
      // Two first requests of one new user at once: the other created it.
      return tx.execute(status -> upsert(profile));
    }
  }

  /** Forgets the provider's user, if known; false otherwise. */
  @Transactional
  public boolean forget(String subject) {
    Optional<User> user = users.findByExternalId(subject);
    user.ifPresent(u -> users.forget(u.id()));
    identity.dropCachedTokens();
    return user.isPresent();
  }

  private User upsert(ExternalProfile profile) {
    String email = usableEmail(profile);
    Optional<User> known = users.findByExternalId(profile.subject());
    if (known.isEmpty()) {
      User created = users.create(email, profile.name(), profile.subject());
      if (profile.avatarUrl() != null) {
        users.updateProfile(created.id(), email, profile.name(), profile.avatarUrl());
      }
      return users.findById(created.id()).orElseThrow();
    }
    User user = known.get();
    if (!Objects.equals(user.email(), email)
        || !Objects.equals(user.name(), profile.name())
        || !Objects.equals(user.avatarUrl(), profile.avatarUrl())) {
      users.updateProfile(user.id(), email, profile.name(), profile.avatarUrl());
      return users.findById(user.id()).orElseThrow();
    }
    return user;
  }

  private String usableEmail(ExternalProfile profile) {
    if (profile.email() == null || profile.email().isBlank()) {
      return null;
    }
    Optional<User> owner = users.findByEmail(profile.email());
    return owner.isEmpty() || profile.subject().equals(owner.get().externalId()) ? profile.email().trim().toLowerCase(java.util.Locale.ROOT) : null;
  }
}
