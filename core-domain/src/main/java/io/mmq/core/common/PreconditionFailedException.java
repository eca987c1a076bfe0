package io.mmq.core.common;

/** The system is not in the state an operation needs (no active model, no labels in a window); the message says what to do. */
public class PreconditionFailedException extends RuntimeException {
  public PreconditionFailedException(String message) {
    super(message);
  }

  public PreconditionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
