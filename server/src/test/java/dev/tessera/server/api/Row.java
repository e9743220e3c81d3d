package dev.tessera.server.api;

/**
 * One endpoint of the {@link AuthorizationMatrix}: its method and Spring path pattern, the request that exercises it
 * (path and body with fixture placeholders) and the rule that gives the expected status.
 *
 * @param listedId for list endpoints, the fixture id that must appear in the answer exactly when the caller may see
 *     the map (null otherwise)
 */
record Row(String method, String pattern, String path, String body, Rule rule, String listedId) {

  static Row get(String pattern, Rule rule) {
    return get(pattern, pattern, rule);
  }

  static Row get(String pattern, String path, Rule rule) {
    return new Row("GET", pattern, path, null, rule, null);
  }

  static Row post(String pattern, String body, Rule rule) {
    return post(pattern, pattern, body, rule);
  }

  static Row post(String pattern, String path, String body, Rule rule) {
    return new Row("POST", pattern, path, body, rule, null);
  }

  static Row put(String pattern, String path, String body, Rule rule) {
    return new Row("PUT", pattern, path, body, rule, null);
  }

  static Row delete(String pattern, String path, Rule rule) {
    return new Row("DELETE", pattern, path, null, rule, null);
  }

  /** Server-sent events: only the status is read, then the stream is closed. */
  Row streaming() {
    return new Row(method, pattern, path, body, rule, "stream");
  }

  Row listing(String id) {
    return new Row(method, pattern, path, body, rule, id);
  }

  boolean stream() {
    return "stream".equals(listedId);
  }

  boolean writes() {
    return !method.equals("GET");
  }

  String endpoint() {
    return method + " " + pattern;
  }
}
