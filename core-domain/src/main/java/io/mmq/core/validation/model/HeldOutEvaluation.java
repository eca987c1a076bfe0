package io.mmq.core.validation.model;

import io.mmq.core.common.Checks;
import io.mmq.core.task.model.TaskName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a freshly trained model did on the resources held out of its training (R8's figures on the
 * validation split): resources evaluated, how many were accurate (coincidence at or above the
 * threshold), the accuracy, per-task metrics and, per task, the (probability, label) pair of every
 * labelled resource (for charts; empty when not kept). Accuracy is NaN when nothing could be
 * evaluated.
 */
public record HeldOutEvaluation(
    long evaluated,
    long accurate,
    double accuracy,
    double coincidenceThreshold,
    Map<TaskName, TaskMetrics> tasks,
    Map<TaskName, List<ScoredLabel>> scored) {

  public HeldOutEvaluation {
    Checks.requireNonNegative(evaluated, "evaluated");
    Checks.requireNonNegative(accurate, "accurate");
    if (accurate > evaluated) {
      throw new IllegalArgumentException("accurate (" + accurate + ") exceeds evaluated (" + evaluated + ")");
    }
    Checks.requireInRange(coincidenceThreshold, 0, 1, "coincidenceThreshold");
    tasks = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(tasks, "tasks is null")));
    scored = ScoredLabel.copyOf(scored);
  }

  /** An evaluation without per-item pairs. */
  public HeldOutEvaluation(
      long evaluated,
      long accurate,
      double accuracy,
      double coincidenceThreshold,
      Map<TaskName, TaskMetrics> tasks) {
    this(evaluated, accurate, accuracy, coincidenceThreshold, tasks, Map.of());
  }
}
