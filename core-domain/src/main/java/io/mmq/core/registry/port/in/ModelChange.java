package io.mmq.core.registry.port.in;

import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a promote or rollback: the model that was active before (none before the first
 * activation), the model active now, and whether anything changed (promoting the active model
 * changes nothing).
 */
public record ModelChange(Optional<ModelVersion> previous, ModelRecord active, boolean changed) {
  public ModelChange {
    Objects.requireNonNull(previous, "previous is null");
    Objects.requireNonNull(active, "active is null");
    if (active.status() != ModelStatus.ACTIVE) {
      throw new IllegalArgumentException(
          "model " + active.version() + " is " + active.status() + ", not ACTIVE");
    }
  }
}
