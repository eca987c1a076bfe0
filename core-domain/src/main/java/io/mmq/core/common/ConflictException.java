package io.mmq.core.common;

/** An operation conflicts with the current state (a job already running, a model already active). */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
