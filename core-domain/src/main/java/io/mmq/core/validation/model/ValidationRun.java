package io.mmq.core.validation.model;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.task.model.TaskName;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded validation of a model on one window (R8): how many resources were evaluated, how
 * many were accurate (coincidence at or above the threshold), the accuracy, per-task metrics, the
 * decision, and the candidate produced when the decision led to an update.
 */
public record ValidationRun(
    String id,
    ModelVersion modelVersion,
    TimeWindow window,
    long evaluated,
    long accurate,
    double accuracy,
    double coincidenceThreshold,
    double accuracyThreshold,
    Map<TaskName, TaskMetrics> tasks,
    Decision decision,
    Optional<ModelVersion> candidate,
    Instant ranAt) {

  public ValidationRun {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(modelVersion, "modelVersion is null");
    Objects.requireNonNull(window, "window is null");
    tasks = Map.copyOf(Objects.requireNonNull(tasks, "tasks is null"));
    Objects.requireNonNull(decision, "decision is null");
    Objects.requireNonNull(candidate, "candidate is null");
    Objects.requireNonNull(ranAt, "ranAt is null");
  }
}
