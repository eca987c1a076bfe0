package io.mmq.core.validation.port.in;

import io.mmq.core.training.port.in.TrainingObserver;

/**
 * Validates the active model on a window's labels and, when asked, updates it (R8, claim 11,
 * figs. 10-11). Per resource, coincidence = share of its labelled tasks that the model predicts
 * right; accurate when coincidence reaches the threshold; accuracy = accurate / evaluated; below
 * the accuracy threshold the decision is UPDATE, else KEEP.
 *
 * <p>With {@code update} and an UPDATE decision: the active model is fine-tuned (a recorded
 * training job) on the window's labelled resources that are not held out, with a share of older
 * windows' labelled resources replayed, giving a CANDIDATE; both models are then evaluated on the
 * held-out resources and the candidate is activated only when the promotion policy says it is
 * better (PROMOTED), otherwise it stays a CANDIDATE (REJECTED). A cancelled fine-tuning leaves the
 * decision at UPDATE. Every run is recorded with its figures and decision.
 */
public interface ValidateModelUseCase {
  /**
   * @throws io.mmq.core.common.PreconditionFailedException when no model is active, or no labelled
   *     resource of the window can be evaluated (derive labels for it first)
   */
  ValidateModelResult validate(ValidateModelCommand command, TrainingObserver observer);

  default ValidateModelResult validate(ValidateModelCommand command) {
    return validate(command, TrainingObserver.NONE);
  }
}
