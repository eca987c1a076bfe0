package io.mmq.core.testing.builder;

import io.mmq.core.engagement.model.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Time windows for tests, in UTC days: {@code day("2016-06-24")} is that day, half-open. */
public final class Windows {
  private Windows() {}

  public static TimeWindow day(String isoDate) {
    return days(isoDate, 1);
  }

  /** {@code count} days starting at {@code isoDate}. */
  public static TimeWindow days(String isoDate, int count) {
    LocalDate start = LocalDate.parse(isoDate);
    return TimeWindow.of(midnight(start), midnight(start.plusDays(count)));
  }

  /** From the first date's midnight to the second's (half-open). */
  public static TimeWindow between(String fromIsoDate, String toIsoDate) {
    return TimeWindow.of(midnight(LocalDate.parse(fromIsoDate)), midnight(LocalDate.parse(toIsoDate)));
  }

  public static Instant midnight(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
