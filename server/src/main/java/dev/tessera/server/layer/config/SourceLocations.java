package dev.tessera.server.layer.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks the URLs, file paths and URL templates a layer may point at. */
final class SourceLocations {
  static final Set<String> TIME_PLACEHOLDERS = Set.of("year", "month", "day", "YYYYMM", "YYYYMMDD");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private SourceLocations() {}

  /** Null if {@code url} is an absolute http(s) URL with a host, else the reason it is not. */
  static String httpProblem(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return "must be an http:// or https:// URL";
      }
      if (uri.getHost() == null || uri.getHost().isBlank()) {
        return "must name a host";
      }
      return null;
    } catch (URISyntaxException e) {
      return "is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")";
    }
  }

  /**
   * Null if {@code location} is http(s), s3://bucket/key, or a relative path inside the files root, bare or as
   * {@code file:relative/path}.
   */
  static String sourceProblem(String location) {
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("file:")) {
      String path = location.substring(5);
      return path.isEmpty() || path.startsWith("//")
          ? "must be file:relative/path under the files root"
          : pathProblem(path);
    }
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return httpProblem(location);
    }
    if (lower.startsWith("s3://")) {
      return location.matches("(?i)s3://[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]/.+") ? null : "must be s3://bucket/key";
    }
    if (lower.matches("^[a-z][a-z0-9+.\\-]*:.*")) {
      return "must be an http(s):// or s3:// URL, or a path relative to the files root";
    }
    return pathProblem(location);
  }

  /** Null if {@code path} is relative and stays inside its root (no '..', no absolute path). */
  static String pathProblem(String path) {
    if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
      return "must be a path relative to the files root (FILES_ROOT)";
    }
    for (String part : path.split("[/\\\\]")) {
      if (part.equals("..")) {
        return "must not leave the files root ('..')";
      }
    }
    if (path.indexOf('\0') >= 0) {
      return "must not contain NUL";
    }
    return null;
  }

  /**
   * Null if {@code template} holds at least one time placeholder, no unknown placeholder, and becomes a valid
   * location once they are filled in.
   */
  static String templateProblem(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    int found = 0;
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      if (!TIME_PLACEHOLDERS.contains(m.group(1))) {
        return "has an unknown placeholder {" + m.group(1) + "}; allowed: {year} {month} {day} {YYYYMM} {YYYYMMDD}";
      }
      found++;
      m.appendReplacement(filled, "2024");
    }
    m.appendTail(filled);
    if (found == 0) {
      return "must contain a time placeholder such as {year} or {YYYYMM}";
    }
    if (filled.indexOf("{") >= 0 || filled.indexOf("}") >= 0) {
      return "has an unbalanced '{' or '}'";
    }
    String problem = sourceProblem(filled.toString());
    return problem == null ? null : problem + " once its placeholders are filled in";
  }
}
