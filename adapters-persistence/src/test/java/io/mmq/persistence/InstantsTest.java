package io.mmq.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantsTest {

  @Test
  void storesNanosecondsSinceTheEpoch() {
    assertThat(Instants.toNanos(Instant.EPOCH, "t")).isZero();
    assertThat(Instants.toNanos(Instant.parse("1970-01-01T00:00:01.5Z"), "t"))
        .isEqualTo(1_500_000_000L);
    assertThat(Instants.toNanos(Instant.parse("1969-12-31T23:59:59.999999999Z"), "t"))
        .isEqualTo(-1L);
    assertThat(Instants.toNanos(Instant.parse("2016-06-24T00:00:00Z"), "t"))
        .isEqualTo(1_466_726_400_000_000_000L);
  }

  @Test
  void theEndsOfTheRangeRoundTrip() {
    assertThat(Instants.toNanos(Instants.EARLIEST, "t")).isEqualTo(Long.MIN_VALUE);
    assertThat(Instants.toNanos(Instants.LATEST, "t")).isEqualTo(Long.MAX_VALUE);
    assertThat(Instants.fromNanos(Long.MIN_VALUE))
        .isEqualTo(Instant.parse("1677-09-21T00:12:43.145224192Z"));
    assertThat(Instants.fromNanos(Long.MAX_VALUE))
        .isEqualTo(Instant.parse("2262-04-11T23:47:16.854775807Z"));
  }

  @Test
  void instantsOutsideTheRangeAreRejectedToStoreAndClampedToQuery() {
    Instant beyond = Instants.LATEST.plusNanos(1);

    assertThatThrownBy(() -> Instants.toNanos(beyond, "window end"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("window end 2262-04-11T23:47:16.854775808Z is outside the range");
    assertThat(Instants.clampToNanos(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
    assertThat(Instants.clampToNanos(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
    assertThat(Instants.clampToNanos(Instant.ofEpochSecond(3))).isEqualTo(3_000_000_000L);
  }
}
