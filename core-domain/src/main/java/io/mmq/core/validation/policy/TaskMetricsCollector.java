package io.mmq.core.validation.policy;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.label.model.Label;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.validation.model.ScoredLabel;
import io.mmq.core.validation.model.TaskMetrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-task {@link MetricsCalculator}s over a labelled set: each resource adds, for every task of
 * the set that it has both a label and a prediction for, the (probability, label) pair.
 *
 * <pre>{@code
 * TaskMetricsCollector collector = new TaskMetricsCollector(model.tasks());
 * collector.add(prediction, labelledResource);
 * Map<TaskName, TaskMetrics> metrics = collector.metrics(); // in task-set order
 * }</pre>
 */
public final class TaskMetricsCollector {
  private final Map<TaskName, MetricsCalculator> calculators = new LinkedHashMap<>();

  public TaskMetricsCollector(TaskSet tasks) {
    Objects.requireNonNull(tasks, "tasks is null");
    tasks.names().forEach(name -> calculators.put(name, new MetricsCalculator()));
  }

  /** Adds one resource's pairs; the prediction and the labels must be of the same resource. */
  public void add(Prediction prediction, LabelledResource labelled) {
    Objects.requireNonNull(prediction, "prediction is null");
    Objects.requireNonNull(labelled, "labelled is null");
    if (!prediction.resourceId().equals(labelled.resourceId())) {
      throw new IllegalArgumentException(
          "prediction is for resource '"
              + prediction.resourceId()
              + "' but the labels are for '"
              + labelled.resourceId()
              + "'");
    }
    calculators.forEach(
        (task, calculator) -> {
          TaskPrediction predicted = prediction.tasks().get(task);
          Label label = labelled.labels().get(task);
          if (predicted != null && label != null) {
            calculator.add(predicted.probability(), label);
          }
        });
  }

  /** Every task of the set, in order; a task with no pair has {@code labelled = 0}, NaN figures. */
  public Map<TaskName, TaskMetrics> metrics() {
    Map<TaskName, TaskMetrics> metrics = new LinkedHashMap<>();
    calculators.forEach((task, calculator) -> metrics.put(task, calculator.metrics()));
    return Collections.unmodifiableMap(metrics);
  }

  /** Every task of the set, in order, with its (probability, label) pairs in the order added. */
  public Map<TaskName, List<ScoredLabel>> scored() {
    Map<TaskName, List<ScoredLabel>> scored = new LinkedHashMap<>();
    calculators.forEach((task, calculator) -> scored.put(task, calculator.scored()));
    return Collections.unmodifiableMap(scored);
  }
}
