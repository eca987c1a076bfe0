package io.mmq.core.validation.port.in;

import io.mmq.core.task.model.TaskName;
import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.model.ScoredLabel;
import io.mmq.core.validation.model.ValidationRun;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The recorded validation run, the update when one was made, and per task the (probability, label)
 * pair of every labelled resource the run evaluated (for charts; empty when not kept).
 */
public record ValidateModelResult(
    ValidationRun run, Optional<ModelUpdate> update, Map<TaskName, List<ScoredLabel>> scored) {
  public ValidateModelResult {
    Objects.requireNonNull(run, "run is null");
    Objects.requireNonNull(update, "update is null");
    scored = ScoredLabel.copyOf(scored);
  }

  /** A result without per-item pairs. */
  public ValidateModelResult(ValidationRun run, Optional<ModelUpdate> update) {
    this(run, update, Map.of());
  }

  public Decision decision() {
    return run.decision();
  }
}
