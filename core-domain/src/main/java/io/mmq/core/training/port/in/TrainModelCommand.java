package io.mmq.core.training.port.in;

import io.mmq.core.common.Checks;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.training.model.TrainingConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to train: the labelled resources of {@code window}, a seed, hyperparameter overrides for
 * the trainer, optionally a model to fine-tune from (same tasks), and the share of resources held
 * out for validation and early stopping (chosen by resource id and seed, so that a resource is
 * never on both sides), and whether the new model becomes active when no model is active (it
 * stays a candidate otherwise).
 */
public record TrainModelCommand(
    TimeWindow window,
    long seed,
    Map<String, String> hyperparameters,
    Optional<ModelVersion> fineTuneFrom,
    double validationFraction,
    boolean activateIfNone) {

  public static final double DEFAULT_VALIDATION_FRACTION = 0.2;

  public TrainModelCommand {
    Objects.requireNonNull(window, "window is null");
    hyperparameters = Map.copyOf(Objects.requireNonNull(hyperparameters, "hyperparameters is null"));
    Objects.requireNonNull(fineTuneFrom, "fineTuneFrom is null");
    Checks.requireInRange(validationFraction, 0, 0.9, "validationFraction");
  }

  /**
   * Fresh training on a window with the trainer's default hyperparameters; the model becomes
   * active when no model is active.
   */
  public static TrainModelCommand of(TimeWindow window, long seed) {
    return new TrainModelCommand(
        window, seed, Map.of(), Optional.empty(), DEFAULT_VALIDATION_FRACTION, true);
  }

  public TrainModelCommand withHyperparameters(Map<String, String> newHyperparameters) {
    return new TrainModelCommand(
        window, seed, newHyperparameters, fineTuneFrom, validationFraction, activateIfNone);
  }

  public TrainModelCommand fineTuning(ModelVersion base) {
    return new TrainModelCommand(
        window, seed, hyperparameters, Optional.of(base), validationFraction, activateIfNone);
  }

  public TrainModelCommand withValidationFraction(double fraction) {
    return new TrainModelCommand(
        window, seed, hyperparameters, fineTuneFrom, fraction, activateIfNone);
  }

  /** With {@code false} the new model stays a candidate even when no model is active. */
  public TrainModelCommand withActivateIfNone(boolean activate) {
    return new TrainModelCommand(
        window, seed, hyperparameters, fineTuneFrom, validationFraction, activate);
  }

  public TrainingConfig config() {
    return new TrainingConfig(seed, hyperparameters);
  }
}
