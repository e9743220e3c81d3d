package dev.tessera.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the environment variables Tessera reads before Spring starts, so a typo stops the start with a message
 * naming the variable instead of a stack trace about a property path.
 */
public final class EnvironmentCheck {
  private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
  private static final Set<String> BOOLEANS = Set.of("true", "false");

  private EnvironmentCheck() {}

  /** Returns one message per invalid variable; empty when all are fine. */
  public static List<String> problems(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    integer(env, "SERVER_PORT", 0, 65535, problems);
    integer(env, "CACHE_SIZE", 0, Integer.MAX_VALUE, problems);
    integer(env, "CACHE_TTL", 0, Integer.MAX_VALUE, problems);
    integer(env, "RATE_LIMIT_REQUESTS", 1, Integer.MAX_VALUE, problems);
    integer(env, "RATE_LIMIT_WINDOW", 1, Integer.MAX_VALUE, problems);
    longInteger(env, "MAX_BODY_SIZE", 1024, problems);
    longInteger(env, "CACHE_MAX_BYTES", 0, problems);
    longInteger(env, "TILE_INDEX_MAX_VERTICES", 1, problems);
    integer(env, "TILE_BUFFER", 0, 4096, problems);
    longInteger(env, "TILE_MAX_AGE", 0, problems);
    longInteger(env, "MAX_IMPORT_SIZE", 1024, problems);
    integer(env, "ARCHIVES_MAX_OPEN", 1, Integer.MAX_VALUE, problems);
    longInteger(env, "ARCHIVES_HTTP_TIMEOUT", 1, problems);
    integer(env, "PLACES_CLUSTER_MAX_ZOOM", 0, 24, problems);
    integer(env, "PLACES_CLUSTER_RADIUS", 1, Integer.MAX_VALUE, problems);
    integer(env, "PLACES_CLUSTER_MIN_POINTS", 2, Integer.MAX_VALUE, problems);
    integer(env, "PLACES_MAX_LIMIT", 1, Integer.MAX_VALUE, problems);
    longInteger(env, "PLACES_CACHE_MAX_BYTES", 0, problems);
    longInteger(env, "PLACES_CACHE_TTL_LOW", 1, problems);
    longInteger(env, "PLACES_CACHE_TTL_HIGH", 1, problems);
    longInteger(env, "COG_CACHE_BYTES", 0, problems);
    for (String name : List.of("RATE_LIMIT_ENABLED", "ENABLE_METRICS", "DEMO_CONTENT")) {
      String value = env.get(name);
      if (value != null && !BOOLEANS.contains(value.toLowerCase(Locale.ROOT))) {
        problems.add(name + " must be true or false, was '" + value + "'");
      }
    }
    String level = env.get("LOG_LEVEL");
    if (level != null && !LOG_LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
      problems.add("LOG_LEVEL must be one of " + LOG_LEVELS + ", was '" + level + "'");
    }
    String url = env.get("DATABASE_URL");
    if (url != null && !url.isBlank()) {
      try {
        DatabaseUrl.parse(url);
      } catch (IllegalArgumentException e) {
        problems.add("DATABASE_URL " + e.getMessage());
      }
    }
    String email = env.get("ADMIN_EMAIL");
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
      problems.add("ADMIN_EMAIL is not an email address: '" + email + "'");
    }
    String password = env.get("ADMIN_PASSWORD");
    if (password != null && !password.isEmpty() && password.length() < 8) {
      problems.add("ADMIN_PASSWORD must have at least 8 characters");
    }
    String token = env.get("ADMIN_TOKEN");
    if (token != null && !token.isEmpty() && token.length() < 20) {
      problems.add("ADMIN_TOKEN must have at least 20 characters");
    }
    httpUrl(env, "OIDC_ISSUER", problems);
    httpUrl(env, "OIDC_JWKS_URL", problems);
    String secret = env.get("WEBHOOK_SECRET");
    if (secret != null && !secret.isEmpty() && !validWebhookSecret(secret)) {
      problems.add("WEBHOOK_SECRET must be the provider's signing secret, whsec_ followed by base64");
    }
    return problems;
  }

  private static void httpUrl(Map<String, String> env, String name, List<String> problems) {
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      return;
    }
    try {
      var uri = java.net.URI.create(value);
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
        problems.add(name + " must be an http(s) URL, was '" + value + "'");
      }
    } catch (IllegalArgumentException e) {
      problems.add(name + " must be an http(s) URL, was '" + value + "'");
    }
  }

  private static boolean validWebhookSecret(String secret) {
    if (!secret.startsWith("whsec_") || secret.length() <= "whsec_".length()) {
      return false;
    }
    try {
      java.util.Base64.getDecoder().decode(secret.substring("whsec_".length()));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void integer(Map<String, String> env, String name, int min, int max, List<String> problems) {
    String value = env.get(name);
    if (value == null) {
      return;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed < min || parsed > max) {
        problems.add(name + " must be between " + min + " and " + max + ", was " + parsed);
      }
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number, was '" + value + "'");
    }
  }

  private static void longInteger(Map<String, String> env, String name, long min, List<String> problems) {
    String value = env.get(name);
    if (value == null) {
      return;
    }
    try {
      if (Long.parseLong(value.trim()) < min) {
        problems.add(name + " must be at least " + min + ", was " + value);
      }
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number, was '" + value + "'");
    }
  }
}
