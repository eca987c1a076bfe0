package io.mmq.core.validation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.label.model.Label;
import io.mmq.core.validation.model.TaskMetrics;
import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {

  @Test
  void workedExample() {
    // probabilities 0.1, 0.4, 0.35, 0.8 with labels 0, 0, 1, 1
    TaskMetrics metrics =
        MetricsCalculator.of(
            new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});

    // AUC: pairs (0.35 vs 0.1) win, (0.35 vs 0.4) loss, (0.8 vs both) wins -> 3 / 4
    assertThat(metrics.auc()).isEqualTo(0.75);
    // at 0.5: 0.1 -> 0 right, 0.4 -> 0 right, 0.35 -> 0 wrong, 0.8 -> 1 right
    assertThat(metrics.accuracy()).isEqualTo(0.75);
    assertThat(metrics.labelled()).isEqualTo(4);
    assertThat(metrics.positiveRate()).isEqualTo(0.5);
    // -(ln 0.9 + ln 0.6 + ln 0.35 + ln 0.8) / 4
    // = (0.1053605 + 0.5108256 + 1.0498221 + 0.2231436) / 4 = 0.4722880
    assertThat(metrics.logLoss()).isCloseTo(0.4722880, within(1e-6));
    // one value a bin: (|0.1 - 0| + |0.4 - 0| + |0.35 - 1| + |0.8 - 1|) / 4 = 1.35 / 4
    assertThat(metrics.calibrationError()).isCloseTo(0.3375, within(1e-12));
  }

  @Test
  void tiedProbabilitiesCountHalf() {
    // positives 0.5, 0.9; negatives 0.5, 0.2: 0.5 vs 0.5 tie (0.5), 0.5 vs 0.2 win,
    // 0.9 wins twice -> 3.5 / 4
    TaskMetrics metrics =
        MetricsCalculator.of(
            new double[] {0.5, 0.5, 0.9, 0.2}, new boolean[] {true, false, true, false});

    assertThat(metrics.auc()).isEqualTo(0.875);
    // 0.5 counts as positive: 0.5 (pos) right, 0.5 (neg) wrong, 0.9 right, 0.2 right
    assertThat(metrics.accuracy()).isEqualTo(0.75);
  }

  @Test
  void allTiedGivesHalf() {
    TaskMetrics metrics =
        MetricsCalculator.of(new double[] {0.3, 0.3, 0.3}, new boolean[] {true, false, false});

    assertThat(metrics.auc()).isEqualTo(0.5);
  }

  @Test
  void calibrationErrorWeighsBinsByTheirSize() {
    // bins: 0.05 -> [0.0, 0.1); 0.15 and 0.12 -> [0.1, 0.2); 0.95 and 1.0 -> [0.9, 1.0]
    // bin 0: |0.05 - 0| = 0.05; bin 1: |0.135 - 0.5| = 0.365; bin 9: |0.975 - 1| = 0.025
    // ECE = (1 * 0.05 + 2 * 0.365 + 2 * 0.025) / 5 = 0.83 / 5 = 0.166
    TaskMetrics metrics =
        MetricsCalculator.of(
            new double[] {0.05, 0.15, 0.12, 0.95, 1.0},
            new boolean[] {false, true, false, true, true});

    assertThat(metrics.calibrationError()).isCloseTo(0.166, within(1e-12));
  }

  @Test
  void logLossClipsCertainWrongAnswers() {
    TaskMetrics metrics =
        MetricsCalculator.of(new double[] {0.0, 1.0}, new boolean[] {true, false});

    // both clipped to 1e-15 away from the wrong certainty: -ln(1e-15) = 34.539
    assertThat(metrics.logLoss()).isCloseTo(34.539, within(1e-3));
    assertThat(metrics.auc()).isEqualTo(0.0);
    assertThat(metrics.accuracy()).isEqualTo(0.0);
    assertThat(metrics.calibrationError()).isEqualTo(1.0);
  }

  @Test
  void singleClassHasNoAuc() {
    TaskMetrics metrics = MetricsCalculator.of(new double[] {0.2, 0.9}, new boolean[] {true, true});

    assertThat(metrics.auc()).isNaN();
    assertThat(metrics.positiveRate()).isEqualTo(1.0);
    assertThat(metrics.accuracy()).isEqualTo(0.5);
  }

  @Test
  void noPairsGiveZeroLabelledAndNaNFigures() {
    TaskMetrics metrics = new MetricsCalculator().metrics();

    assertThat(metrics.labelled()).isZero();
    assertThat(metrics.auc()).isNaN();
    assertThat(metrics.accuracy()).isNaN();
    assertThat(metrics.positiveRate()).isNaN();
    assertThat(metrics.logLoss()).isNaN();
    assertThat(metrics.calibrationError()).isNaN();
  }

  @Test
  void growsBeyondItsInitialCapacity() {
    MetricsCalculator calculator = new MetricsCalculator();
    for (int i = 0; i < 1_000; i++) {
      calculator.add(i % 2 == 0 ? 0.9 : 0.1, i % 2 == 0 ? Label.POSITIVE : Label.NEGATIVE);
    }
    TaskMetrics metrics = calculator.metrics();

    assertThat(calculator.count()).isEqualTo(1_000);
    assertThat(metrics.labelled()).isEqualTo(1_000);
    assertThat(metrics.auc()).isEqualTo(1.0);
    assertThat(metrics.calibrationError()).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void rejectsBadInput() {
    MetricsCalculator calculator = new MetricsCalculator();

    assertThatThrownBy(() -> calculator.add(1.2, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability must be in [0.0, 1.0], was 1.2");
    assertThatThrownBy(() -> MetricsCalculator.of(new double[] {0.1}, new boolean[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("1 probabilities but 0 labels");
  }
}
