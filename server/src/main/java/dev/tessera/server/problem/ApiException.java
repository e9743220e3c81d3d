package dev.tessera.server.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error the client can act on, rendered as RFC 9457 problem+json by {@link ProblemHandler}. {@code code} is
 * stable (snake_case) and also a metric tag; {@code properties} add context such as the offending field.
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String code;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public ApiException(HttpStatus status, String code, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }

  public static ApiException notFound(String what, Object id) {
    return new ApiException(HttpStatus.NOT_FOUND, "not_found", "No " + what + " with id " + id + ".");
  }

  public static ApiException badRequest(String code, String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
  }

  public static ApiException invalidField(String field, String detail) {
    return badRequest("invalid_field", detail).with("field", field);
  }

  public static ApiException conflict(String code, String detail) {
    return new ApiException(HttpStatus.CONFLICT, code, detail);
  }

  public static ApiException preconditionFailed(String what, String current) {
    return new ApiException(
            HttpStatus.PRECONDITION_FAILED,
            "version_mismatch",
            "The " + what + " was changed by someone else; fetch it again and retry with its new ETag.")
        .with("current_etag", current);
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail);
  }

  public ApiException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
