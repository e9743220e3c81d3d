package dev.tessera.server.http;

import dev.tessera.server.problem.ApiException;

/**
 * ETags for versioned resources ({@code "v<version>"}) and the If-Match check that turns a lost update into 412.
 */
public final class ETags {
  private ETags() {}

  public static String of(long version) {
    return "\"v" + version + "\"";
  }

  /**
   * Checks an If-Match header against the current version. Absent or {@code *} passes; a list passes if any entry
   * matches; weak tags never match (RFC 9110 strong comparison).
   */
  public static void checkIfMatch(String ifMatch, long currentVersion, String what) {
    checkIfMatch(ifMatch, of(currentVersion), what);
  }

  /** The same check against a resource's current ETag, whatever it is derived from. */
  public static void checkIfMatch(String ifMatch, String current, String what) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return;
    }
    for (String tag : ifMatch.split(",")) {
      if (tag.trim().equals(current)) {
        return;
      }
    }
    throw ApiException.preconditionFailed(what, current);
  }
}
