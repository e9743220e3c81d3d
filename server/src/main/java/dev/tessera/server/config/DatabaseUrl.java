package dev.tessera.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A database location as given in {@code DATABASE_URL}: either the usual {@code postgres://user:pass@host:port/db}
 * form (Heroku, Render, docker-compose habit) or a JDBC URL ({@code jdbc:postgresql://…}, {@code jdbc:h2:…}).
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

  public static DatabaseUrl parse(String url) {
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:postgresql:") || trimmed.startsWith("jdbc:h2:")) {
      return new DatabaseUrl(trimmed, null, null);
    }
    if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
      throw new IllegalArgumentException(
          "must start with postgres://, postgresql:// or jdbc:postgresql:// (was '" + redact(trimmed) + "')");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("is not a valid URL: " + e.getReason());
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
      throw new IllegalArgumentException("must name a host and a database, e.g. postgres://user:pass@host:5432/tessera");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
    }
    String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
    String query = uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "";
    return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + port + uri.getPath() + query, user, password);
  }

  public boolean postgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  private static String redact(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]";
  }
}
