package dev.tessera.server.problem;

import dev.tessera.engine.geojson.GeoJsonException;
import dev.tessera.engine.proj.UnknownCrsException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Renders every error as RFC 9457 problem+json with a stable {@code code}. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    HttpHeaders headers = new HttpHeaders();
    if (e.status() == HttpStatus.UNAUTHORIZED) {
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tessera\"");
    }
    return ResponseEntity.status(e.status())
        .headers(headers)
        .body(Problems.of(e.status(), e.code(), e.getMessage(), e.properties()));
  }

  @ExceptionHandler(GeoJsonException.class)
  ResponseEntity<ProblemDetail> geoJson(GeoJsonException e) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("pointer", e.pointer());
    if (e.featureIndex() >= 0) {
      props.put("feature_index", e.featureIndex());
    }
    if (e.line() >= 0) {
      props.put("line", e.line());
      props.put("column", e.column());
    }
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, e.code(), e.getMessage(), props));
  }

  @ExceptionHandler(UnknownCrsException.class)
  ResponseEntity<ProblemDetail> unknownCrs(UnknownCrsException e) {
    return ResponseEntity.badRequest()
        .body(Problems.of(HttpStatus.BAD_REQUEST, "unknown_crs", e.getMessage(), Map.of("crs", e.crs())));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    boolean pathVariable = e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
    if (pathVariable) {
      // An id that cannot exist names nothing: the same answer as an unknown id.
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(Problems.of(HttpStatus.NOT_FOUND, "not_found", "Nothing at " + request.getRequestURI() + "."));
    }
    return ResponseEntity.badRequest()
        .body(
            Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid_parameter",
                "Query parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'.",
                Map.of("parameter", e.getName())));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    PayloadTooLargeException tooLarge = find(ex, PayloadTooLargeException.class);
    if (tooLarge != null) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
          .body(tooLarge(tooLarge));
    }
    DatabindException bind = find(ex, DatabindException.class);
    if (bind != null && !bind.getPath().isEmpty()) {
      String field =
          bind.getPath().stream()
              .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
              .collect(Collectors.joining("."));
      Throwable root = rootCause(bind);
      String reason = root instanceof IllegalArgumentException ? root.getMessage() : bind.getOriginalMessage();
      return ResponseEntity.badRequest()
          .body(
              Problems.of(
                  HttpStatus.BAD_REQUEST,
                  "invalid_field",
                  "Field '" + field + "' is invalid: " + firstLine(reason),
                  Map.of("field", field)));
    }
    JacksonException json = find(ex, JacksonException.class);
    String detail = json != null ? "Malformed JSON: " + firstLine(json.getOriginalMessage()) : "The request body is missing or unreadable.";
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed_json", detail));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var first = ex.getBindingResult().getFieldErrors().stream().findFirst();
    String field = first.map(f -> f.getField()).orElse("body");
    String message = first.map(f -> f.getDefaultMessage()).orElse("invalid");
    return ResponseEntity.badRequest()
        .body(
            Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid_field",
                "Field '" + field + "' " + message + ".",
                Map.of("field", field)));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // Spring's own errors (404 no handler, 405, 415...): keep its status, add our code.
    ProblemDetail problem =
        body instanceof ProblemDetail p ? p : Problems.of(status, "http_" + status.value(), ex.getMessage());
    if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
      problem.setProperty("code", "http_" + status.value());
    }
    return ResponseEntity.status(status).headers(headers).body(problem);
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException e) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(e));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    PayloadTooLargeException tooLarge = find(e, PayloadTooLargeException.class);
    if (tooLarge != null) {
      return payloadTooLarge(tooLarge);
    }
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return ResponseEntity.internalServerError()
        .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "An unexpected error occurred."));
  }

  private static ProblemDetail tooLarge(PayloadTooLargeException e) {
    return Problems.of(
        HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", e.getMessage(), Map.of("limit_bytes", e.limitBytes()));
  }

  static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
