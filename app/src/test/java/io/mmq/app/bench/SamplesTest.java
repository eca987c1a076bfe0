package io.mmq.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
    assertThat(Samples.of(5, 1, 3).median()).isEqualTo(3);
    assertThat(Samples.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
  }

  @Test
  void percentilesTakeTheNearestRank() {
    Samples thousand = Samples.of(IntStream.rangeClosed(1, 1000).asDoubleStream().toArray());

    assertThat(thousand.percentile(0.5)).isEqualTo(500);
    assertThat(thousand.percentile(0.99)).isEqualTo(990);
    assertThat(thousand.percentile(0.999)).isEqualTo(999);
    assertThat(thousand.percentile(1)).isEqualTo(1000);
    assertThat(Samples.of(7, 3).percentile(0.01)).isEqualTo(3);
  }

  @Test
  void withFewerThanAThousandSamplesTheP999IsTheMaximum() {
    Samples few = Samples.of(IntStream.rangeClosed(1, 200).asDoubleStream().toArray());

    assertThat(few.percentile(0.999)).isEqualTo(few.max()).isEqualTo(200);
    assertThat(few.percentile(0.99)).isEqualTo(198);
  }

  @Test
  void noSamplesOrAFractionOutsideTheUnitIntervalIsAnError() {
    assertThatThrownBy(Samples::of).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Samples.of(1).percentile(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Samples.of(1).percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
