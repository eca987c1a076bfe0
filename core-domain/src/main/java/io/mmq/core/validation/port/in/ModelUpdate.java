package io.mmq.core.validation.port.in;

import io.mmq.core.task.model.TaskName;
import io.mmq.core.training.port.in.TrainModelResult;
import io.mmq.core.validation.model.TaskMetrics;
import io.mmq.core.validation.policy.PromotionVerdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The update that followed an UPDATE decision: the fine-tuning run (its job and candidate), both
 * models' metrics on the held-out resources, and the promotion verdict. A cancelled fine-tuning
 * has no candidate, no metrics and no verdict.
 */
public record ModelUpdate(
    TrainModelResult training,
    Map<TaskName, TaskMetrics> candidateHeldOut,
    Map<TaskName, TaskMetrics> activeHeldOut,
    Optional<PromotionVerdict> verdict) {

  public ModelUpdate {
    Objects.requireNonNull(training, "training is null");
    candidateHeldOut = copy(candidateHeldOut, "candidateHeldOut");
    activeHeldOut = copy(activeHeldOut, "activeHeldOut");
    Objects.requireNonNull(verdict, "verdict is null");
    if (verdict.isPresent() != training.succeeded()) {
      throw new IllegalArgumentException("a verdict needs a candidate, and a candidate a verdict");
    }
  }

  private static Map<TaskName, TaskMetrics> copy(Map<TaskName, TaskMetrics> map, String field) {
    return Collections.unmodifiableMap(
        new LinkedHashMap<>(Objects.requireNonNull(map, field + " is null")));
  }
}
