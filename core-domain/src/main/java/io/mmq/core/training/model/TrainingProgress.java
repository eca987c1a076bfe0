package io.mmq.core.training.model;

import io.mmq.core.common.Checks;
import io.mmq.core.task.model.TaskName;
import java.util.Map;
import java.util.Objects;

/**
 * A progress report of a running training: step, step cap, the training examples the steps so far
 * were made of (0 when the trainer does not count them), per-task loss and per-task validation AUC.
 */
public record TrainingProgress(
    int step,
    int totalSteps,
    long examples,
    Map<TaskName, Double> taskLoss,
    Map<TaskName, Double> validationAuc) {
  public TrainingProgress {
    Checks.requireNonNegative(examples, "examples");
    taskLoss = Map.copyOf(Objects.requireNonNull(taskLoss, "taskLoss is null"));
    validationAuc = Map.copyOf(Objects.requireNonNull(validationAuc, "validationAuc is null"));
  }

  /** A report without an example count. */
  public TrainingProgress(
      int step, int totalSteps, Map<TaskName, Double> taskLoss, Map<TaskName, Double> validationAuc) {
    this(step, totalSteps, 0, taskLoss, validationAuc);
  }
}
