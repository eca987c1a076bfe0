package io.mmq.persistence;

import java.time.Instant;

/**
 * Instants as stored: nanoseconds since the epoch in a {@code BIGINT}, exact for every instant
 * between {@link #EARLIEST} and {@link #LATEST}. Values to store outside that range are rejected;
 * query bounds outside it are clamped.
 */
final class Instants {
  static final Instant EARLIEST = Instant.ofEpochSecond(0, Long.MIN_VALUE);
  static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private Instants() {}

  /**
   * The instant in nanoseconds since the epoch.
   *
   * @throws IllegalArgumentException naming {@code field} when the instant is out of range
   */
  static long toNanos(Instant instant, String field) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          field
              + " "
              + instant
              + " is outside the range the store keeps ("
              + EARLIEST
              + " to "
              + LATEST
              + ")");
    }
    long seconds = instant.getEpochSecond();
    int nanos = instant.getNano();
    if (seconds < 0 && nanos > 0) {
      // (seconds + 1) keeps the product in range at the lower end, as Instant.toEpochMilli does
      return Math.addExact(
          Math.multiplyExact(seconds + 1, NANOS_PER_SECOND), nanos - NANOS_PER_SECOND);
    }
    return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanos);
  }

  /** The instant as a query bound: instants beyond the stored range become its ends. */
  static long clampToNanos(Instant instant) {
    if (instant.isBefore(EARLIEST)) {
      return Long.MIN_VALUE;
    }
    if (instant.isAfter(LATEST)) {
      return Long.MAX_VALUE;
    }
    return toNanos(instant, "bound");
  }

  static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(0, nanos);
  }
}
