package io.mmq.core.testing.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests move by hand: it stands still until {@link #advance} or {@link #set}
 * is called. Thread-safe; every clock made by {@link #withZone} shares the same instant.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A clock standing at {@code instant}, in UTC. */
  public static MutableClock at(Instant instant) {
    return new MutableClock(
        new AtomicReference<>(Objects.requireNonNull(instant, "instant is null")), ZoneOffset.UTC);
  }

  /** A clock standing at an ISO-8601 instant such as {@code 2016-06-24T00:00:00Z}. */
  public static MutableClock at(String isoInstant) {
    return at(Instant.parse(isoInstant));
  }

  /** Moves the clock forward (or backward, with a negative duration). */
  public MutableClock advance(Duration duration) {
    Objects.requireNonNull(duration, "duration is null");
    now.updateAndGet(instant -> instant.plus(duration));
    return this;
  }

  public MutableClock set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant is null"));
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, Objects.requireNonNull(newZone, "zone is null"));
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
