package io.mmq.core.registry.model;

import io.mmq.core.engagement.model.TimeWindow;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a trained model came from (R13): its data window, seed, hyperparameters, the metrics
 * measured at the end of training, when it was trained, and the model it was fine-tuned from.
 */
public record Provenance(
    TimeWindow dataWindow,
    long seed,
    Map<String, String> hyperparameters,
    Map<String, Double> metrics,
    Instant trainedAt,
    Optional<ModelVersion> fineTunedFrom) {

  public Provenance {
    Objects.requireNonNull(dataWindow, "dataWindow is null");
    hyperparameters = Map.copyOf(Objects.requireNonNull(hyperparameters, "hyperparameters is null"));
    metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics is null"));
    Objects.requireNonNull(trainedAt, "trainedAt is null");
    Objects.requireNonNull(fineTunedFrom, "fineTunedFrom is null");
  }
}
