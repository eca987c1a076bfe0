package io.mmq.core.training.model;

import io.mmq.core.task.model.TaskName;
import java.util.Map;
import java.util.Objects;

/** A progress report of a running training: step, per-task loss and per-task validation AUC. */
public record TrainingProgress(
    int step, int totalSteps, Map<TaskName, Double> taskLoss, Map<TaskName, Double> validationAuc) {
  public TrainingProgress {
    taskLoss = Map.copyOf(Objects.requireNonNull(taskLoss, "taskLoss is null"));
    validationAuc = Map.copyOf(Objects.requireNonNull(validationAuc, "validationAuc is null"));
  }
}
