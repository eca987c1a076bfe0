package io.mmq.core.common;

/** The service has more work waiting than it accepts; the caller should retry later. */
public class OverloadedException extends RuntimeException {
  public OverloadedException(String message) {
    super(message);
  }
}
