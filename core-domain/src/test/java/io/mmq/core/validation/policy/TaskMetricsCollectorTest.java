package io.mmq.core.validation.policy;

import static io.mmq.core.label.model.Label.NEGATIVE;
import static io.mmq.core.label.model.Label.POSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.Label;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.validation.model.ScoredLabel;
import io.mmq.core.validation.model.TaskMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskMetricsCollectorTest {
  private static final TaskName CTR = TaskName.of("ctr");
  private static final TaskName BOUNCE = TaskName.of("bounce");
  private static final TaskName SHARES = TaskName.of("shares");
  private static final TaskSet TASKS =
      TaskSet.of(
          Task.higherIsBetter("ctr", "ctr"),
          Task.lowerIsBetter("bounce", "bounce_rate"),
          Task.higherIsBetter("shares", "share_rate"));
  private static final TimeWindow WINDOW =
      TimeWindow.of(Instant.parse("2016-06-24T00:00:00Z"), Instant.parse("2016-06-29T00:00:00Z"));

  private static void add(
      TaskMetricsCollector collector,
      String id,
      double ctr,
      double bounce,
      Map<TaskName, Label> labels) {
    ResourceId resource = ResourceId.of(id);
    collector.add(
        new Prediction(
            resource, Map.of(CTR, TaskPrediction.of(ctr), BOUNCE, TaskPrediction.of(bounce))),
        new LabelledResource(resource, WINDOW, labels));
  }

  @Test
  void collectsThePairsOfLabelledPredictedTasks() {
    TaskMetricsCollector collector = new TaskMetricsCollector(TASKS);
    add(collector, "a", 0.8, 0.2, Map.of(CTR, POSITIVE, BOUNCE, POSITIVE));
    add(collector, "b", 0.3, 0.7, Map.of(CTR, NEGATIVE));
    add(collector, "c", 0.6, 0.4, Map.of(CTR, NEGATIVE, SHARES, POSITIVE)); // shares unpredicted

    Map<TaskName, TaskMetrics> metrics = collector.metrics();

    assertThat(metrics.keySet()).containsExactly(CTR, BOUNCE, SHARES);
    // ctr: (0.8, 1), (0.3, 0), (0.6, 0): AUC 1, accuracy 2 / 3 (0.6 says positive)
    TaskMetrics ctr = metrics.get(CTR);
    assertThat(ctr.labelled()).isEqualTo(3);
    assertThat(ctr.auc()).isEqualTo(1.0);
    assertThat(ctr.accuracy()).isEqualTo(2.0 / 3);
    assertThat(ctr.positiveRate()).isEqualTo(1.0 / 3);
    // bounce: one pair (0.2, 1) -> no AUC, wrong at 0.5
    assertThat(metrics.get(BOUNCE).labelled()).isEqualTo(1);
    assertThat(metrics.get(BOUNCE).auc()).isNaN();
    assertThat(metrics.get(BOUNCE).accuracy()).isZero();
    assertThat(metrics.get(SHARES).labelled()).isZero();
  }

  @Test
  void keepsThePairsInTheOrderAddedForCharts() {
    TaskMetricsCollector collector = new TaskMetricsCollector(TASKS);
    add(collector, "a", 0.8, 0.2, Map.of(CTR, POSITIVE, BOUNCE, POSITIVE));
    add(collector, "b", 0.3, 0.7, Map.of(CTR, NEGATIVE));

    Map<TaskName, List<ScoredLabel>> scored = collector.scored();

    assertThat(scored.keySet()).containsExactly(CTR, BOUNCE, SHARES);
    assertThat(scored.get(CTR)).containsExactly(new ScoredLabel(0.8, true), new ScoredLabel(0.3, false));
    assertThat(scored.get(BOUNCE)).containsExactly(new ScoredLabel(0.2, true));
    assertThat(scored.get(SHARES)).isEmpty();
  }

  @Test
  void rejectsAPredictionOfAnotherResource() {
    TaskMetricsCollector collector = new TaskMetricsCollector(TASKS);

    assertThatThrownBy(
            () ->
                collector.add(
                    new Prediction(ResourceId.of("a"), Map.of()),
                    new LabelledResource(ResourceId.of("b"), WINDOW, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("prediction is for resource 'a' but the labels are for 'b'");
  }
}
