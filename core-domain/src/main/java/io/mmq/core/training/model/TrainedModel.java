package io.mmq.core.training.model;

import io.mmq.core.registry.model.ModelArtifact;
import java.util.Map;
import java.util.Objects;

/**
 * What a trainer produces: the artifact to store and load, the hyperparameters it actually used
 * (defaults filled in) and the metrics it measured on its validation examples.
 */
public record TrainedModel(
    ModelArtifact artifact, Map<String, String> hyperparameters, Map<String, Double> metrics, int steps) {
  public TrainedModel {
    Objects.requireNonNull(artifact, "artifact is null");
    hyperparameters = Map.copyOf(Objects.requireNonNull(hyperparameters, "hyperparameters is null"));
    metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics is null"));
  }
}
