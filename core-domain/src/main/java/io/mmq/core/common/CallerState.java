package io.mmq.core.common;

import java.util.OptionalLong;

/**
 * What the transport knows of the caller waiting for a result: whether it gave up (cancelled, or
 * gone), and how long is left before its deadline. Work queued for a caller that gave up is
 * dropped instead of done.
 */
public interface CallerState {
  /** A caller that waits as long as it takes: never cancelled, no deadline. */
  CallerState UNBOUNDED =
      new CallerState() {
        @Override
        public boolean isCancelled() {
          return false;
        }

        @Override
        public OptionalLong nanosLeft() {
          return OptionalLong.empty();
        }
      };

  /** Whether the caller gave up (its deadline passed, it cancelled, or it is gone). */
  boolean isCancelled();

  /** Nanoseconds left before the caller's deadline (zero or negative once passed); empty without one. */
  OptionalLong nanosLeft();

  /** Whether the deadline passed. */
  default boolean isPastDeadline() {
    OptionalLong left = nanosLeft();
    return left.isPresent() && left.getAsLong() <= 0;
  }
}
