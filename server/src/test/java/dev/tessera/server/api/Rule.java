package dev.tessera.server.api;

/**
 * Expected status of one request by one kind of caller on a map of one permission level. The rules restate the
 * permission model (DESIGN.md, issue 4) independently of {@code AccessPolicy}, so the two check each other.
 */
@FunctionalInterface
interface Rule {
  int expected(Role role, Level level);

  /** Not tied to a map: the same for everyone. */
  static Rule anyone(int ok) {
    return (role, level) -> ok;
  }

  /** Needs a signed-in user, nothing more. */
  static Rule signedIn(int ok) {
    return (role, level) -> role == Role.ANONYMOUS ? 401 : ok;
  }

  /** Reads: whoever may see the map; the rest get 404 (existence does not leak). */
  static Rule viewers(int ok) {
    return (role, level) -> role.canView(level) ? ok : 404;
  }

  /** Writes that only need to see the map (commenting, exporting): anonymous writes are refused first. */
  static Rule viewersSignedIn(int ok) {
    return (role, level) -> role == Role.ANONYMOUS ? 401 : viewers(ok).expected(role, level);
  }

  /** The owner and edit collaborators; others who see the map get 403. */
  static Rule editors(int ok) {
    return (role, level) -> restricted(role, level, role == Role.OWNER || role == Role.EDITOR, ok);
  }

  /** The owner alone (deleting, sharing). */
  static Rule owner(int ok) {
    return (role, level) -> restricted(role, level, role == Role.OWNER, ok);
  }

  /** The owner and collaborators (who is on the map is not public, even on a public map). */
  static Rule members(int ok) {
    return (role, level) -> restricted(role, level, role.member(), ok);
  }

  /** Administrators only: no role of the matrix is one. */
  static Rule admins() {
    return (role, level) -> role == Role.ANONYMOUS ? 401 : 403;
  }

  private static int restricted(Role role, Level level, boolean allowed, int ok) {
    if (role == Role.ANONYMOUS) {
      return 401;
    }
    if (allowed) {
      return ok;
    }
    return role.canView(level) ? 403 : 404;
  }

  enum Role {
    OWNER,
    EDITOR,
    VIEWER,
    OTHER,
    ANONYMOUS;

    boolean member() {
      return this == OWNER || this == EDITOR || this == VIEWER;
    }

    boolean canView(Level level) {
      return member() || level == Level.PUBLIC;
    }
  }

  enum Level {
    PRIVATE,
    COLLABORATORS,
    PUBLIC;

    String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
