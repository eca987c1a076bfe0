package io.mmq.core.label.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.Label;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.ReferenceStatistic;
import io.mmq.core.task.model.Task;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LabelDerivationPolicyTest {
  private static final LabelDerivationPolicy POLICY = LabelDerivationPolicy.STANDARD;
  private static final TimeWindow DAY =
      TimeWindow.of(Instant.parse("2016-06-24T00:00:00Z"), Instant.parse("2016-06-25T00:00:00Z"));
  private static final Task CTR = Task.higherIsBetter("ctr", "ctr"); // mean, 100 impressions
  private static final Task BOUNCE = Task.lowerIsBetter("bounce", "bounce_rate");

  private static EngagementRecord record(String metric, double value, long impressions) {
    return new EngagementRecord(
        ResourceId.of("a-1"), DAY, OptionalLong.of(impressions), Map.of(metric, value));
  }

  private static List<Optional<Label>> labels(TaskLabeler labeler, double... values) {
    return Arrays.stream(values).mapToObj(labeler::labelOf).toList();
  }

  @Test
  void clickRateAboveTheWindowMeanIsPositiveAndBelowIsNegative() {
    // patent, fig. 3: "when the click rate of resource 1 is greater than the average click rate,
    // the label of the click rate task is positive". Mean of 0.01..0.05 is 0.03.
    TaskLabeler labeler = POLICY.fit(CTR, new double[] {0.02, 0.05, 0.01, 0.04, 0.03});

    assertThat(labeler.reference().getAsDouble()).isCloseTo(0.03, within(1e-12));
    assertThat(labeler.label(record("ctr", 0.04, 500))).contains(Label.POSITIVE);
    assertThat(labeler.label(record("ctr", 0.02, 500))).contains(Label.NEGATIVE);
  }

  @Test
  void skewedWindowWithTheMeanLabelsOnlyTheOutlierPositive() {
    // 1, 2, 3, 4, 100: mean 22; mid-rank degrees 10, 30, 50, 70, 90; the mean's degree is
    // 100 * 4 / 5 = 80 (four values below it, none equal)
    TaskLabeler labeler = POLICY.fit(CTR, new double[] {1, 2, 3, 4, 100});

    assertThat(labeler.reference()).hasValue(22.0);
    assertThat(labeler.referenceDegree()).hasValue(80.0);
    assertThat(labels(labeler, 1, 2, 3, 4, 100))
        .containsExactly(
            Optional.of(Label.NEGATIVE),
            Optional.of(Label.NEGATIVE),
            Optional.of(Label.NEGATIVE),
            Optional.of(Label.NEGATIVE),
            Optional.of(Label.POSITIVE));
  }

  @Test
  void skewedWindowWithTheMedianLabelsTheUpperHalfPositiveAndTheMedianItselfNot() {
    // same window, median 3 (degree 50): 4 and 100 above, 3 ties, 1 and 2 below
    TaskLabeler labeler =
        POLICY.fit(CTR.withReference(ReferenceStatistic.MEDIAN), new double[] {100, 3, 1, 4, 2});

    assertThat(labeler.reference()).hasValue(3.0);
    assertThat(labeler.referenceDegree()).hasValue(50.0);
    assertThat(labels(labeler, 1, 2, 3, 4, 100))
        .containsExactly(
            Optional.of(Label.NEGATIVE),
            Optional.of(Label.NEGATIVE),
            Optional.empty(),
            Optional.of(Label.POSITIVE),
            Optional.of(Label.POSITIVE));
  }

  @Test
  void midRankDegreeDoesNotMakeTheLargestValueBelowTheReferenceTie() {
    // with the "weak" percentile (#values <= v) 4 would score 80 like the mean 22 and tie;
    // the mid-rank gives 4 the degree 70 < 80, so it is negative
    TaskLabeler labeler = POLICY.fit(CTR, new double[] {1, 2, 3, 4, 100});

    assertThat(labeler.degree(4)).isEqualTo(70.0);
    assertThat(labeler.degree(100)).isEqualTo(90.0);
    assertThat(labeler.labelOf(4)).contains(Label.NEGATIVE);
  }

  @Test
  void degreeCountsEqualValuesHalf() {
    // 1, 1, 2, 3: degree(1) = 100 * (0 + 0.5 * 2) / 4 = 25; degree(2) = 100 * (2 + 0.5) / 4 = 62.5;
    // degree(3) = 100 * 3.5 / 4 = 87.5; a value between 1 and 2: 100 * 2 / 4 = 50
    TaskLabeler labeler = POLICY.fit(CTR, new double[] {3, 1, 2, 1});

    assertThat(labeler.degree(1)).isEqualTo(25.0);
    assertThat(labeler.degree(2)).isEqualTo(62.5);
    assertThat(labeler.degree(3)).isEqualTo(87.5);
    assertThat(labeler.degree(1.5)).isEqualTo(50.0);
    assertThat(labeler.degree(0)).isEqualTo(0.0);
    assertThat(labeler.degree(9)).isEqualTo(100.0);
  }

  @Test
  void lowerIsBetterMetricIsInverted() {
    // bounce 0.2, 0.4, 0.6, 0.8, mean 0.5: raw degrees 12.5, 37.5, 62.5, 87.5 become
    // 87.5, 62.5, 37.5, 12.5; the mean's raw degree 50 stays 50
    TaskLabeler labeler = POLICY.fit(BOUNCE, new double[] {0.8, 0.2, 0.6, 0.4});

    assertThat(labeler.degree(0.2)).isEqualTo(87.5);
    assertThat(labeler.degree(0.8)).isEqualTo(12.5);
    assertThat(labeler.referenceDegree()).hasValue(50.0);
    assertThat(labels(labeler, 0.2, 0.4, 0.6, 0.8))
        .containsExactly(
            Optional.of(Label.POSITIVE),
            Optional.of(Label.POSITIVE),
            Optional.of(Label.NEGATIVE),
            Optional.of(Label.NEGATIVE));
  }

  @Test
  void valueEqualToTheMeanTiesAndIsUnlabelled() {
    TaskLabeler labeler = POLICY.fit(CTR, new double[] {1, 2, 3});

    assertThat(labeler.label(record("ctr", 2, 1_000))).isEmpty();
    assertThat(labeler.label(record("ctr", 2.5, 1_000))).contains(Label.POSITIVE);
  }

  @Test
  void underExposedRecordIsNotEligibleAndNotLabelled() {
    TaskLabeler labeler = POLICY.fit(CTR, new double[] {1, 2, 3});
    EngagementRecord underExposed = record("ctr", 3, 99);
    EngagementRecord noImpressionCount =
        new EngagementRecord(ResourceId.of("a-2"), DAY, OptionalLong.empty(), Map.of("ctr", 3.0));

    assertThat(POLICY.eligibleValue(CTR, underExposed)).isEmpty();
    assertThat(labeler.label(underExposed)).isEmpty();
    assertThat(labeler.label(record("ctr", 3, 100))).contains(Label.POSITIVE);
    assertThat(POLICY.eligibleValue(CTR, noImpressionCount)).hasValue(3.0);
    assertThat(labeler.label(noImpressionCount)).contains(Label.POSITIVE);
  }

  @Test
  void recordWithoutTheMetricIsNotLabelled() {
    TaskLabeler labeler = POLICY.fit(CTR, new double[] {1, 2, 3});

    assertThat(labeler.label(record("dwell", 40, 1_000))).isEmpty();
  }

  @Test
  void evenCountMedianIsTheMeanOfTheTwoMiddleValues() {
    TaskLabeler labeler =
        POLICY.fit(CTR.withReference(ReferenceStatistic.MEDIAN), new double[] {4, 1, 3, 2});

    assertThat(labeler.reference()).hasValue(2.5);
    assertThat(labels(labeler, 1, 2, 3, 4))
        .containsExactly(
            Optional.of(Label.NEGATIVE),
            Optional.of(Label.NEGATIVE),
            Optional.of(Label.POSITIVE),
            Optional.of(Label.POSITIVE));
  }

  @Test
  void emptyWindowLabelsNothing() {
    TaskLabeler labeler = POLICY.fit(CTR, new double[0]);

    assertThat(labeler.isEmpty()).isTrue();
    assertThat(labeler.reference()).isEmpty();
    assertThat(labeler.referenceDegree()).isEmpty();
    assertThat(labeler.label(record("ctr", 1, 1_000))).isEmpty();
    assertThatThrownBy(() -> labeler.degree(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("task 'ctr' has no eligible value in this window");
  }

  @Test
  void fitCopiesTheValuesAndLeavesTheCallersArrayAlone() {
    double[] values = {3, 1, 2};
    TaskLabeler labeler = POLICY.fit(CTR, values);
    values[0] = 1_000;

    assertThat(values).containsExactly(1_000, 1, 2);
    assertThat(labeler.reference()).hasValue(2.0);
    assertThat(labeler.size()).isEqualTo(3);
  }

  @Test
  void fitFromBufferEqualsFitFromArray() {
    MetricValues buffer = new MetricValues(1);
    for (double value : new double[] {1, 2, 3, 4, 100}) {
      buffer.add(value);
    }
    TaskLabeler labeler = POLICY.fit(CTR, buffer);

    assertThat(buffer.size()).isEqualTo(5);
    assertThat(labeler.reference()).hasValue(22.0);
    assertThat(labeler.labelOf(100)).contains(Label.POSITIVE);
  }

  @Test
  void nonFiniteValueIsRejectedWithItsIndex() {
    assertThatThrownBy(() -> POLICY.fit(CTR, new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values[1] must be a finite number, was NaN");
  }

  @Test
  void meanOfHugeValuesDoesNotOverflow() {
    TaskLabeler labeler = POLICY.fit(CTR, new double[] {1e308, 1e308, 0});

    assertThat(labeler.reference().getAsDouble()).isCloseTo(2.0 / 3 * 1e308, within(1e293));
    assertThat(labeler.labelOf(0)).contains(Label.NEGATIVE);
  }
}
