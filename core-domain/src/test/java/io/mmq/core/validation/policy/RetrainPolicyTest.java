package io.mmq.core.validation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetrainPolicyTest {
  private static final Instant NOW = Instant.parse("2024-01-10T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final RetrainPolicy FIVE_DAYS = RetrainPolicy.DEFAULT;

  @Test
  void defaultPeriodIsFiveDays() {
    assertThat(RetrainPolicy.DEFAULT.period()).isEqualTo(Duration.ofDays(5));
    assertThat(RetrainPolicy.everyDays(7).period()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void dueExactlyOnePeriodAfterTheLastValidation() {
    Optional<Instant> last = Optional.of(Instant.parse("2024-01-05T00:00:00Z"));

    assertThat(FIVE_DAYS.isDue(last, CLOCK)).isTrue();
    assertThat(FIVE_DAYS.nextDue(last, CLOCK)).isEqualTo(NOW);
  }

  @Test
  void notDueOneSecondEarlier() {
    Optional<Instant> last = Optional.of(Instant.parse("2024-01-05T00:00:01Z"));

    assertThat(FIVE_DAYS.isDue(last, CLOCK)).isFalse();
    assertThat(FIVE_DAYS.nextDue(last, CLOCK)).isEqualTo(Instant.parse("2024-01-10T00:00:01Z"));
  }

  @Test
  void overdueStaysDueAndReportsThePastDueTime() {
    Optional<Instant> last = Optional.of(Instant.parse("2023-12-01T00:00:00Z"));

    assertThat(FIVE_DAYS.isDue(last, CLOCK)).isTrue();
    assertThat(FIVE_DAYS.nextDue(last, CLOCK)).isEqualTo(Instant.parse("2023-12-06T00:00:00Z"));
  }

  @Test
  void neverValidatedIsDueNow() {
    assertThat(FIVE_DAYS.isDue(Optional.empty(), CLOCK)).isTrue();
    assertThat(FIVE_DAYS.nextDue(Optional.empty(), CLOCK)).isEqualTo(NOW);
    assertThat(FIVE_DAYS.isDue(Optional.empty(), new TickingClock(NOW))).isTrue();
  }

  @Test
  void longerPeriodIsNotDueYet() {
    Optional<Instant> last = Optional.of(Instant.parse("2024-01-05T00:00:00Z"));

    assertThat(RetrainPolicy.everyDays(7).isDue(last, CLOCK)).isFalse();
    assertThat(RetrainPolicy.everyDays(7).nextDue(last, CLOCK))
        .isEqualTo(Instant.parse("2024-01-12T00:00:00Z"));
  }

  @Test
  void rejectsEmptyPeriods() {
    assertThatThrownBy(() -> new RetrainPolicy(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must be positive, was PT0S");
    assertThatThrownBy(() -> RetrainPolicy.everyDays(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("days must be at least 1, was 0");
  }

  /** A clock one millisecond later at every call. */
  private static final class TickingClock extends Clock {
    private Instant next;

    TickingClock(Instant start) {
      this.next = start;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      Instant now = next;
      next = next.plusMillis(1);
      return now;
    }
  }
}
