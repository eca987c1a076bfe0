package io.mmq.core.validation.policy;

import static io.mmq.core.label.model.Label.NEGATIVE;
import static io.mmq.core.label.model.Label.POSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.validation.model.Decision;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationPolicyTest {
  private static final TaskName CTR = TaskName.of("ctr");
  private static final TaskName DWELL = TaskName.of("dwell");
  private static final TaskName BOUNCE = TaskName.of("bounce");
  private static final TaskName SHARES = TaskName.of("shares");
  private static final TimeWindow WINDOW =
      TimeWindow.of(Instant.parse("2016-06-24T00:00:00Z"), Instant.parse("2016-06-29T00:00:00Z"));

  @Test
  void coincidenceIsTheShareOfLabelledTasksPredictedRight() {
    // 3 labelled tasks, ctr and bounce right, dwell wrong; likes predicted but unlabelled
    assertThat(
            ValidationPolicy.coincidence(
                Map.of(CTR, POSITIVE, DWELL, POSITIVE, BOUNCE, POSITIVE, SHARES, NEGATIVE),
                Map.of(CTR, POSITIVE, DWELL, NEGATIVE, BOUNCE, POSITIVE)))
        .hasValue(2.0 / 3);
  }

  @Test
  void labelledTasksTheModelDoesNotPredictAreLeftOut() {
    assertThat(
            ValidationPolicy.coincidence(
                Map.of(CTR, NEGATIVE), Map.of(CTR, POSITIVE, SHARES, NEGATIVE)))
        .hasValue(0.0);
    assertThat(ValidationPolicy.coincidence(Map.of(CTR, NEGATIVE), Map.of(SHARES, NEGATIVE)))
        .isEmpty();
    assertThat(ValidationPolicy.coincidence(Map.of(CTR, NEGATIVE), Map.of())).isEmpty();
  }

  @Test
  void accuracyBelowTheThresholdAsksForAnUpdate() {
    ValidationTally tally = ValidationPolicy.DEFAULT.newTally();
    // r1: 2 of 2 right -> 1.0, accurate
    tally.add(Map.of(CTR, POSITIVE, DWELL, NEGATIVE), Map.of(CTR, POSITIVE, DWELL, NEGATIVE));
    // r2: 1 of 2 right -> 0.5, accurate (at the threshold)
    assertThat(
            tally.add(
                Map.of(CTR, POSITIVE, DWELL, POSITIVE), Map.of(CTR, POSITIVE, DWELL, NEGATIVE)))
        .hasValue(0.5);
    // r3: 1 of 3 right -> 0.33, not accurate
    tally.add(
        Map.of(CTR, NEGATIVE, DWELL, POSITIVE, BOUNCE, POSITIVE),
        Map.of(CTR, POSITIVE, DWELL, NEGATIVE, BOUNCE, POSITIVE));
    // r4: no labelled task -> not evaluated
    assertThat(tally.add(Map.of(CTR, POSITIVE), Map.of())).isEmpty();

    // accuracy 2 / 3 = 0.667 < 0.7
    assertThat(tally.outcome())
        .isEqualTo(new ValidationOutcome.Evaluated(4, 3, 2, 2.0 / 3, 0.7, Decision.UPDATE));
  }

  @Test
  void accuracyAtOrAboveTheThresholdKeepsTheModel() {
    ValidationPolicy policy = new ValidationPolicy(0.5, 0.5);

    assertThat(policy.outcome(4, 4, 2))
        .isEqualTo(new ValidationOutcome.Evaluated(4, 4, 2, 0.5, 0.5, Decision.KEEP));
    assertThat(policy.outcome(4, 4, 1))
        .isEqualTo(new ValidationOutcome.Evaluated(4, 4, 1, 0.25, 0.5, Decision.UPDATE));
    assertThat(policy.decide(0.5)).isEqualTo(Decision.KEEP);
    assertThat(policy.decide(0.4999)).isEqualTo(Decision.UPDATE);
  }

  @Test
  void stricterCoincidenceThresholdMakesFewerResourcesAccurate() {
    ValidationPolicy strict = new ValidationPolicy(0.75, 0.7);

    assertThat(strict.isAccurate(0.75)).isTrue();
    assertThat(strict.isAccurate(2.0 / 3)).isFalse();
    assertThat(ValidationPolicy.DEFAULT.isAccurate(0.5)).isTrue();
    assertThat(ValidationPolicy.DEFAULT.isAccurate(0.49)).isFalse();
  }

  @Test
  void nothingEvaluatedDecidesNothing() {
    ValidationTally tally = ValidationPolicy.DEFAULT.newTally();
    tally.add(Map.of(CTR, POSITIVE), Map.of(SHARES, POSITIVE));
    tally.add(Map.of(CTR, POSITIVE), Map.of());

    ValidationOutcome outcome = tally.outcome();

    assertThat(outcome).isEqualTo(new ValidationOutcome.NothingToEvaluate(2));
    assertThat(outcome.evaluated()).isZero();
    assertThat(ValidationPolicy.DEFAULT.newTally().outcome())
        .isEqualTo(new ValidationOutcome.NothingToEvaluate(0));
  }

  @Test
  void predictionsAndLabelledResourcesAreMatchedBySameId() {
    Prediction prediction =
        new Prediction(
            ResourceId.of("a-1"),
            Map.of(CTR, TaskPrediction.of(0.8), DWELL, TaskPrediction.of(0.3)));
    LabelledResource labelled =
        new LabelledResource(ResourceId.of("a-1"), WINDOW, Map.of(CTR, POSITIVE, DWELL, POSITIVE));
    LabelledResource other =
        new LabelledResource(ResourceId.of("a-2"), WINDOW, Map.of(CTR, POSITIVE));
    ValidationTally tally = ValidationPolicy.DEFAULT.newTally();

    assertThat(tally.add(prediction, labelled)).hasValue(0.5);
    assertThat(tally.accurate()).isEqualTo(1);
    assertThatThrownBy(() -> tally.add(prediction, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("prediction is for resource 'a-1' but the labels are for 'a-2'");
  }

  @Test
  void defaultsAndBadThresholds() {
    assertThat(ValidationPolicy.DEFAULT).isEqualTo(new ValidationPolicy(0.5, 0.7));
    assertThatThrownBy(() -> new ValidationPolicy(1.5, 0.7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("coincidenceThreshold must be in [0.0, 1.0], was 1.5");
    assertThatThrownBy(() -> new ValidationPolicy(0.5, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accuracyThreshold must be a finite number, was NaN");
    assertThatThrownBy(
            () -> new ValidationOutcome.Evaluated(3, 3, 1, 1.0 / 3, 0.7, Decision.PROMOTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a validation decides KEEP or UPDATE, was PROMOTED");
  }
}
