package dev.tessera.server.security;

/**
 * A user as an identity provider describes them (OIDC claims or a webhook payload).
 *
 * @param subject the provider's user id ({@code sub}), stored as {@code users.external_id}
 * @param email may be null
 * @param name may be null
 * @param avatarUrl may be null
 */
public record ExternalProfile(String subject, String email, String name, String avatarUrl) {
  public ExternalProfile {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("an external user needs a subject");
    }
  }
}
