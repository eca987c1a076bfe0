package io.mmq.core.training.model;

import io.mmq.core.registry.model.ModelArtifact;
import java.util.Map;
import java.util.Objects;

/**
 * What a trainer produces: the artifact to store and load, the hyperparameters it actually used
 * (defaults filled in), the metrics it measured on its validation examples, the steps it ran and
 * why it stopped.
 */
public record TrainedModel(
    ModelArtifact artifact,
    Map<String, String> hyperparameters,
    Map<String, Double> metrics,
    int steps,
    StopReason stopReason) {
  public TrainedModel {
    Objects.requireNonNull(artifact, "artifact is null");
    Objects.requireNonNull(stopReason, "stopReason is null");
    hyperparameters = Map.copyOf(Objects.requireNonNull(hyperparameters, "hyperparameters is null"));
    metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics is null"));
  }
}
