package io.mmq.core.validation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.task.model.TaskName;
import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.model.TaskMetrics;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionPolicyTest {
  private static final TaskName CTR = TaskName.of("ctr");
  private static final TaskName DWELL = TaskName.of("dwell");
  private static final TaskName LIKES = TaskName.of("likes");

  private static TaskMetrics auc(double auc) {
    return new TaskMetrics(auc, 0.7, 100, 0.5, 0.6, 0.05);
  }

  @Test
  void promotesACandidateWithAHigherMeanAuc() {
    // candidate (0.80 + 0.70) / 2 = 0.75 against active (0.75 + 0.70) / 2 = 0.725
    PromotionVerdict verdict =
        PromotionPolicy.DEFAULT.decide(
            Map.of(CTR, auc(0.80), DWELL, auc(0.70)), Map.of(CTR, auc(0.75), DWELL, auc(0.70)));

    assertThat(verdict).isInstanceOf(PromotionVerdict.Promote.class);
    assertThat(verdict.decision()).isEqualTo(Decision.PROMOTED);
    assertThat(verdict.candidateAuc()).isCloseTo(0.75, within(1e-12));
    assertThat(verdict.activeAuc()).isCloseTo(0.725, within(1e-12));
    assertThat(verdict.comparedTasks()).isEqualTo(2);
    assertThat(verdict.reason())
        .isEqualTo(
            "candidate is better: mean AUC 0.7500 vs active 0.7250 over 2 tasks (margin 0.0000)");
  }

  @Test
  void rejectsAnEqualCandidate() {
    PromotionVerdict verdict =
        PromotionPolicy.DEFAULT.decide(Map.of(CTR, auc(0.75)), Map.of(CTR, auc(0.75)));

    assertThat(verdict).isInstanceOf(PromotionVerdict.Reject.class);
    assertThat(verdict.decision()).isEqualTo(Decision.REJECTED);
    assertThat(verdict.reason())
        .isEqualTo(
            "candidate is not better: mean AUC 0.7500 vs active 0.7500 over 1 task"
                + " (margin 0.0000)");
  }

  @Test
  void marginMustBeExceeded() {
    Map<TaskName, TaskMetrics> candidate = Map.of(CTR, auc(0.80), DWELL, auc(0.70));
    Map<TaskName, TaskMetrics> active = Map.of(CTR, auc(0.75), DWELL, auc(0.70));

    // gain 0.025
    assertThat(new PromotionPolicy(0.05).decide(candidate, active).decision())
        .isEqualTo(Decision.REJECTED);
    assertThat(new PromotionPolicy(0.02).decide(candidate, active).decision())
        .isEqualTo(Decision.PROMOTED);
    // exactly the margin is not enough: 0.75 > 0.5 + 0.25 is false
    assertThat(
            new PromotionPolicy(0.25)
                .decide(Map.of(CTR, auc(0.75)), Map.of(CTR, auc(0.5)))
                .decision())
        .isEqualTo(Decision.REJECTED);
  }

  @Test
  void tasksWithNanAucOrOnOneSideOnlyAreLeftOut() {
    // dwell has no AUC for the candidate, likes no active figure: only ctr counts, 0.9 > 0.8
    PromotionVerdict verdict =
        PromotionPolicy.DEFAULT.decide(
            Map.of(CTR, auc(0.9), DWELL, auc(Double.NaN), LIKES, auc(0.1)),
            Map.of(CTR, auc(0.8), DWELL, auc(0.99)));

    assertThat(verdict.decision()).isEqualTo(Decision.PROMOTED);
    assertThat(verdict.comparedTasks()).isEqualTo(1);
    assertThat(verdict.candidateAuc()).isEqualTo(0.9);
  }

  @Test
  void nothingComparableIsRejected() {
    PromotionVerdict verdict =
        PromotionPolicy.DEFAULT.decide(
            Map.of(CTR, auc(Double.NaN)), Map.of(CTR, auc(0.8), DWELL, auc(0.7)));

    assertThat(verdict).isInstanceOf(PromotionVerdict.Reject.class);
    assertThat(verdict.comparedTasks()).isZero();
    assertThat(verdict.candidateAuc()).isNaN();
    assertThat(verdict.reason())
        .isEqualTo("no task has a finite AUC for both models on the held-out data");
  }

  @Test
  void withoutAnActiveModelTheCandidateIsPromoted() {
    PromotionVerdict verdict =
        PromotionPolicy.DEFAULT.decide(Map.of(CTR, auc(0.6), DWELL, auc(0.8)), Optional.empty());

    assertThat(verdict.decision()).isEqualTo(Decision.PROMOTED);
    assertThat(verdict.candidateAuc()).isCloseTo(0.7, within(1e-12));
    assertThat(verdict.activeAuc()).isNaN();
    assertThat(verdict.reason()).isEqualTo("no active model to beat");
    assertThat(
            PromotionPolicy.DEFAULT
                .decide(Map.of(CTR, auc(0.6)), Optional.of(Map.of(CTR, auc(0.7))))
                .decision())
        .isEqualTo(Decision.REJECTED);
  }

  @Test
  void rejectsANegativeMargin() {
    assertThatThrownBy(() -> new PromotionPolicy(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minMargin must be in [0.0, 1.0], was -0.1");
  }
}
