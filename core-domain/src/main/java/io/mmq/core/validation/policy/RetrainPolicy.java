package io.mmq.core.validation.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The re-validation schedule of R8: the active model is validated (and updated when needed) every
 * {@code period} after the last validation; never validated means due now. The default period is
 * 5 days, the update period the patent settles on from its table 1 (high-quality precision decays
 * 0.452 % in 5 days, 0.831 % in 7, 1.856 % in 10).
 *
 * <pre>{@code
 * RetrainPolicy schedule = RetrainPolicy.DEFAULT;
 * Optional<Instant> last = validationRuns.latest().map(ValidationRun::ranAt);
 * if (schedule.isDue(last, clock)) { validateAndUpdate(); }
 * Instant next = schedule.nextDue(last, clock);
 * }</pre>
 */
public record RetrainPolicy(Duration period) {
  /** Every 5 days (table 1). */
  public static final RetrainPolicy DEFAULT = new RetrainPolicy(Duration.ofDays(5));

  public RetrainPolicy {
    Objects.requireNonNull(period, "period is null");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, was " + period);
    }
  }

  public static RetrainPolicy everyDays(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1, was " + days);
    }
    return new RetrainPolicy(Duration.ofDays(days));
  }

  /**
   * When the next validation is due: {@code last + period}, or now when there was none. A time in
   * the past means overdue.
   */
  public Instant nextDue(Optional<Instant> lastValidation, Clock clock) {
    Objects.requireNonNull(lastValidation, "lastValidation is null");
    Objects.requireNonNull(clock, "clock is null");
    return lastValidation.map(last -> last.plus(period)).orElseGet(clock::instant);
  }

  /** Whether a validation is due now: {@code now >= nextDue}. */
  public boolean isDue(Optional<Instant> lastValidation, Clock clock) {
    Objects.requireNonNull(lastValidation, "lastValidation is null");
    Objects.requireNonNull(clock, "clock is null");
    Instant now = clock.instant();
    return lastValidation.map(last -> !now.isBefore(last.plus(period))).orElse(true);
  }
}
