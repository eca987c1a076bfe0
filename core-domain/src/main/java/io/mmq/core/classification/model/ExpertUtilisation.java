package io.mmq.core.classification.model;

import io.mmq.core.task.model.TaskName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How much each task's gate leans on each shared expert of a multi-task (MMoE) model: the mean gate
 * weight per task and expert over some set of resources. Each task's weights sum to about 1.
 */
public record ExpertUtilisation(int experts, Map<TaskName, List<Double>> weights) {
  public ExpertUtilisation {
    if (experts < 1) {
      throw new IllegalArgumentException("experts must be at least 1, got " + experts);
    }
    Objects.requireNonNull(weights, "weights is null");
    Map<TaskName, List<Double>> copy = new LinkedHashMap<>();
    weights.forEach((task, values) -> {
      if (values.size() != experts) {
        throw new IllegalArgumentException(
            "task " + task + " has " + values.size() + " expert weights, expected " + experts);
      }
      copy.put(task, List.copyOf(values));
    });
    weights = java.util.Collections.unmodifiableMap(copy);
  }
}
