package io.mmq.core.validation.port.in;

import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.model.ValidationRun;
import java.util.Objects;
import java.util.Optional;

/** The recorded validation run, and the update when one was made. */
public record ValidateModelResult(ValidationRun run, Optional<ModelUpdate> update) {
  public ValidateModelResult {
    Objects.requireNonNull(run, "run is null");
    Objects.requireNonNull(update, "update is null");
  }

  public Decision decision() {
    return run.decision();
  }
}
