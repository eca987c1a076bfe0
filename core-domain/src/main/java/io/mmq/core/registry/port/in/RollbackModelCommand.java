package io.mmq.core.registry.port.in;

import io.mmq.core.registry.model.ModelVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * A rollback: to a named earlier version, or (when empty) to the most recent RETIRED model
 * registered before the active one.
 */
public record RollbackModelCommand(Optional<ModelVersion> to) {
  public RollbackModelCommand {
    Objects.requireNonNull(to, "to is null");
  }

  /** Back to the previously active model. */
  public static RollbackModelCommand toPrevious() {
    return new RollbackModelCommand(Optional.empty());
  }

  public static RollbackModelCommand to(ModelVersion version) {
    return new RollbackModelCommand(Optional.of(version));
  }
}
