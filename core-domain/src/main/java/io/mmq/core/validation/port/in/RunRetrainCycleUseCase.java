package io.mmq.core.validation.port.in;

import io.mmq.core.training.port.in.TrainingObserver;

/**
 * One turn of the retraining loop (R8): validate the active model on the newest labelled window
 * and, when its accuracy is below the threshold, fine-tune a candidate and promote it only if it
 * beats the active model on held-out data. The run (figures and decision) is recorded by {@link
 * ValidateModelUseCase}; a skipped or not-due turn records nothing.
 */
public interface RunRetrainCycleUseCase {
  /**
   * Runs the turn when the schedule says a validation is due; skips it when the newest labelled
   * window was already validated for the active model (nothing new to learn from).
   *
   * @param observer follows the fine-tuning, if there is one, and can cancel it
   * @throws RuntimeException when the validation or the update fails (a failed update is recorded
   *     with decision UPDATE and its job FAILED; the active model keeps serving)
   */
  RetrainCycleOutcome runIfDue(TrainingObserver observer);

  /** Runs the turn now, whatever the schedule and the last run say. */
  RetrainCycleOutcome runNow(TrainingObserver observer);
}
