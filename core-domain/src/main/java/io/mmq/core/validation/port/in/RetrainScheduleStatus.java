package io.mmq.core.validation.port.in;

import io.mmq.core.registry.model.ModelVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a validation is due now: the active model (none: nothing to validate, never due), when
 * the last validation ran, when the next one is due, and the period.
 */
public record RetrainScheduleStatus(
    boolean due,
    Optional<ModelVersion> activeModel,
    Optional<Instant> lastValidation,
    Instant nextDue,
    Duration period) {

  public RetrainScheduleStatus {
    Objects.requireNonNull(activeModel, "activeModel is null");
    Objects.requireNonNull(lastValidation, "lastValidation is null");
    Objects.requireNonNull(nextDue, "nextDue is null");
    Objects.requireNonNull(period, "period is null");
    if (due && activeModel.isEmpty()) {
      throw new IllegalArgumentException("a validation cannot be due without an active model");
    }
  }
}
