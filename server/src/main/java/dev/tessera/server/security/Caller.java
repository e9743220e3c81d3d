package dev.tessera.server.security;

import java.util.UUID;

/**
 * Who is asking: a signed-in user (possibly an admin) or nobody. Every permission decision takes one.
 *
 * @param userId the user, or null when anonymous
 * @param admin whether the user holds the admin role
 */
public record Caller(UUID userId, boolean admin) {
  private static final Caller ANONYMOUS = new Caller(null, false);

  public Caller {
    if (userId == null && admin) {
      throw new IllegalArgumentException("an anonymous caller cannot be admin");
    }
  }

  public static Caller anonymous() {
    return ANONYMOUS;
  }

  public static Caller user(UUID userId) {
    return new Caller(userId, false);
  }

  public boolean anonymousCaller() {
    return userId == null;
  }

  public boolean is(UUID user) {
    return userId != null && userId.equals(user);
  }
}
