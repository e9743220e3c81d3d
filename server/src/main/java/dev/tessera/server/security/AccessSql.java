package dev.tessera.server.security;

/**
 * The visibility rules as SQL predicates, so list queries return only what a caller may see. They mirror
 * {@link AccessPolicy} (which decides for one row) and must change together with it.
 */
public final class AccessSql {
  private AccessSql() {}

  /**
   * Map {@code m} is visible: public, owned by the caller, or shared with the caller (private and collaborators
   * maps alike are open to their invited collaborators). Binds the caller's id twice.
   */
  public static final String MAP_VISIBLE =
      """
      (m.permission_level = 'public' OR m.created_by = ? OR EXISTS (
        SELECT 1 FROM map_collaborators c WHERE c.map_id = m.id AND c.user_id = ?))""";

  /**
   * Layer {@code l} is visible: global, created by the caller, or on a map the caller may see. Binds the caller's id
   * three times.
   */
  public static final String LAYER_VISIBLE =
      """
      (l.is_global = TRUE OR l.created_by = ? OR EXISTS (
        SELECT 1 FROM map_layers ml JOIN maps m ON m.id = ml.map_id WHERE ml.layer_id = l.id AND %s))"""
          .formatted(MAP_VISIBLE);
}
