package io.mmq.core.validation.port.in;

import io.mmq.core.common.Checks;
import io.mmq.core.engagement.model.TimeWindow;
import java.util.Map;
import java.util.Objects;

/**
 * What to validate: the active model on the labels of {@code window} (the most recently
 * recommended resources, labelled from their own window). With {@code update}, a decision of
 * UPDATE fine-tunes a candidate: {@code seed} and {@code hyperparameters} go to the trainer;
 * {@code holdoutFraction} of the window's resources are held out to compare the candidate with the
 * active model; {@code replayFraction} of the labelled resources of older windows are replayed in
 * the fine-tuning.
 */
public record ValidateModelCommand(
    TimeWindow window,
    boolean update,
    long seed,
    Map<String, String> hyperparameters,
    double holdoutFraction,
    double replayFraction) {

  public static final double DEFAULT_HOLDOUT_FRACTION = 0.3;
  public static final double DEFAULT_REPLAY_FRACTION = 0.5;

  public ValidateModelCommand {
    Objects.requireNonNull(window, "window is null");
    hyperparameters = Map.copyOf(Objects.requireNonNull(hyperparameters, "hyperparameters is null"));
    Checks.requireInRange(holdoutFraction, 0.05, 0.9, "holdoutFraction");
    Checks.requireInRange(replayFraction, 0, 1, "replayFraction");
  }

  /** Validation only: records the figures and the decision, changes no model. */
  public static ValidateModelCommand validateOnly(TimeWindow window) {
    return new ValidateModelCommand(
        window, false, 0, Map.of(), DEFAULT_HOLDOUT_FRACTION, DEFAULT_REPLAY_FRACTION);
  }

  /** Validation, and an update when the decision is UPDATE. */
  public static ValidateModelCommand validateAndUpdate(TimeWindow window, long seed) {
    return new ValidateModelCommand(
        window, true, seed, Map.of(), DEFAULT_HOLDOUT_FRACTION, DEFAULT_REPLAY_FRACTION);
  }

  public ValidateModelCommand withHyperparameters(Map<String, String> newHyperparameters) {
    return new ValidateModelCommand(
        window, update, seed, newHyperparameters, holdoutFraction, replayFraction);
  }

  public ValidateModelCommand withHoldoutFraction(double fraction) {
    return new ValidateModelCommand(
        window, update, seed, hyperparameters, fraction, replayFraction);
  }

  public ValidateModelCommand withReplayFraction(double fraction) {
    return new ValidateModelCommand(
        window, update, seed, hyperparameters, holdoutFraction, fraction);
  }
}
