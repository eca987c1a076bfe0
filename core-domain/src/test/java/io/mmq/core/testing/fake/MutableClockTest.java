package io.mmq.core.testing.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  @Test
  void standsStillUntilMovedAndZonedCopiesShareTheInstant() {
    MutableClock clock = MutableClock.at("2016-07-01T00:00:00Z");
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofDays(5).plusHours(1));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2016-07-06T01:00:00Z"));
    assertThat(paris.instant()).isEqualTo(Instant.parse("2016-07-06T01:00:00Z"));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));

    clock.set(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(clock.millis()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());
  }
}
