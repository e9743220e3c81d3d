package dev.tessera.server.problem;

import java.io.IOException;

/**
 * Thrown while reading a request body that grew past its limit. An {@link IOException}, so parsers pass it up
 * unchanged; {@link ProblemHandler} finds it in the cause chain and answers 413.
 */
public class PayloadTooLargeException extends IOException {
  private final long limitBytes;

  public PayloadTooLargeException(long limitBytes) {
    super("The request body is larger than the limit of " + limitBytes + " bytes.");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
