package io.mmq.core.validation.model;

import io.mmq.core.common.Checks;
import io.mmq.core.task.model.TaskName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One task's predicted probability for one evaluated resource and whether its label is positive:
 * the per-item material of ROC curves, reliability plots and confusion matrices.
 */
public record ScoredLabel(double probability, boolean positive) {
  public ScoredLabel {
    Checks.requireInRange(probability, 0, 1, "probability");
  }

  /** An unmodifiable copy of per-task pairs, in the given task order. */
  public static Map<TaskName, List<ScoredLabel>> copyOf(Map<TaskName, List<ScoredLabel>> scored) {
    Map<TaskName, List<ScoredLabel>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(scored, "scored is null").forEach((task, pairs) -> copy.put(task, List.copyOf(pairs)));
    return Collections.unmodifiableMap(copy);
  }
}
