package io.mmq.core.label.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricValuesTest {

  @Test
  void growsPastItsInitialCapacityAndKeepsInsertionOrder() {
    MetricValues values = new MetricValues(0);
    for (int i = 0; i < 1_000; i++) {
      values.add(i * 0.5);
    }

    assertThat(values.size()).isEqualTo(1_000);
    assertThat(values.get(999)).isEqualTo(499.5);
    assertThat(values.toArray()).hasSize(1_000).startsWith(0.0, 0.5, 1.0);
  }

  @Test
  void rejectsNonFiniteValuesAndBadIndexes() {
    MetricValues values = new MetricValues();

    assertThatThrownBy(() -> values.add(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric value must be a finite number, was Infinity");
    assertThatThrownBy(() -> values.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> new MetricValues(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clearEmptiesTheBuffer() {
    MetricValues values = new MetricValues();
    values.add(1);
    values.clear();

    assertThat(values.isEmpty()).isTrue();
    values.add(2);
    assertThat(values.toArray()).containsExactly(2.0);
  }
}
