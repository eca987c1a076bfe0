package io.mmq.core.engagement.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open time window {@code [start, end)}. */
public record TimeWindow(Instant start, Instant end) {
  public TimeWindow {
    Objects.requireNonNull(start, "windowStart is null");
    Objects.requireNonNull(end, "windowEnd is null");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "windowEnd (" + end + ") must be after windowStart (" + start + ")");
    }
  }

  public static TimeWindow of(Instant start, Instant end) {
    return new TimeWindow(start, end);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /** True when the other window lies entirely inside this one. */
  public boolean encloses(TimeWindow other) {
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  public boolean overlaps(TimeWindow other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
