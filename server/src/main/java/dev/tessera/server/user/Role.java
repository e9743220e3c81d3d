package dev.tessera.server.user;

/** Roles beyond the per-map permissions. */
public enum Role {
  /** Manages users and may read and change everything. */
  ADMIN;

  public String dbValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
