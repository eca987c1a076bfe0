package io.mmq.core.registry.port.in;

import io.mmq.core.registry.model.ModelVersion;
import java.util.Objects;

/** The model to make active. */
public record PromoteModelCommand(ModelVersion version) {
  public PromoteModelCommand {
    Objects.requireNonNull(version, "version is null");
  }
}
