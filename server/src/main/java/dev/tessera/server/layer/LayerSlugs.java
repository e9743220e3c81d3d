package dev.tessera.server.layer;

import dev.tessera.server.problem.ApiException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Layer slugs: short unique names that stand for a layer's id in URLs such as {@code /api/v1/places?datasets=}.
 * Lower-case letters, digits and hyphens, starting with a letter or digit, at most 64 characters, and never shaped
 * like a UUID (which would be read as an id).
 */
public final class LayerSlugs {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern UUID_SHAPE =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private LayerSlugs() {}

  public static boolean isValid(String slug) {
    return SLUG.matcher(slug).matches() && !UUID_SHAPE.matcher(slug).matches();
  }

  /** The slug if valid and not taken by another layer than {@code self}; an empty string clears it (null). */
  static String checkFree(LayerRepository layers, String slug, UUID self) {
    if (slug == null || slug.isEmpty()) {
      return null;
    }
    if (!isValid(slug)) {
      throw ApiException.invalidField(
          "slug",
          "Field 'slug' must be 1–64 lower-case letters, digits or hyphens, start with a letter or digit, and not"
              + " look like a UUID.");
    }
    layers.findBySlug(slug)
        .filter(other -> !other.id().equals(self))
        .ifPresent(
            other -> {
              throw ApiException.conflict("slug_taken", "Another layer already has the slug '" + slug + "'.")
                  .with("field", "slug");
            });
    return slug;
  }
}
