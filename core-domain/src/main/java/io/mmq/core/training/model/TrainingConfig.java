package io.mmq.core.training.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to train: a seed and hyperparameter overrides (names and values as strings, validated by
 * the trainer that reads them, e.g. {@code steps=2000}, {@code learningRate=0.002}, {@code
 * channel.image=false}, {@code gate=SHARED}).
 */
public record TrainingConfig(long seed, Map<String, String> hyperparameters) {
  public TrainingConfig {
    hyperparameters = Map.copyOf(Objects.requireNonNull(hyperparameters, "hyperparameters is null"));
  }

  public static TrainingConfig seeded(long seed) {
    return new TrainingConfig(seed, Map.of());
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(hyperparameters.get(key));
  }

  public TrainingConfig with(String key, String value) {
    var copy = new java.util.HashMap<>(hyperparameters);
    copy.put(key, value);
    return new TrainingConfig(seed, copy);
  }
}
