package io.mmq.core.common;

import java.util.Objects;

/** The caller gave up while its work waited (deadline passed, or cancelled); the work was dropped. */
public class CallerGoneException extends RuntimeException {
  /** Why the caller is gone. */
  public enum Reason {
    DEADLINE_EXCEEDED,
    CANCELLED
  }

  private final Reason reason;

  public CallerGoneException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason is null");
  }

  public Reason reason() {
    return reason;
  }

  /** The exception for a caller in this state: past its deadline, or else cancelled. */
  public static CallerGoneException of(CallerState caller, String what) {
    return caller.isPastDeadline()
        ? new CallerGoneException(Reason.DEADLINE_EXCEEDED, "the deadline passed while " + what)
        : new CallerGoneException(Reason.CANCELLED, "the call was cancelled while " + what);
  }
}
