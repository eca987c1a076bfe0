package io.mmq.core.classification.model;

import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.TaskName;
import java.util.Map;
import java.util.Objects;

/** The model's per-task predictions for one resource. */
public record Prediction(ResourceId resourceId, Map<TaskName, TaskPrediction> tasks) {
  public Prediction {
    Objects.requireNonNull(resourceId, "resourceId is null");
    tasks = Map.copyOf(Objects.requireNonNull(tasks, "tasks is null"));
  }
}
