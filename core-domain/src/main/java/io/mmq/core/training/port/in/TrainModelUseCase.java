package io.mmq.core.training.port.in;

/**
 * Trains the quality model on a window's labelled resources (R12, claim 1), recording a {@link
 * io.mmq.core.training.model.TrainingJob} and reporting progress to the observer. On success the
 * model is registered with its provenance; it becomes ACTIVE only when no model is active yet,
 * otherwise it stays a CANDIDATE to be promoted. A cancelled run ends as a CANCELLED job (a
 * result, not an exception); a failing one is recorded as FAILED with its reason and its
 * exception is rethrown. Neither touches the active model.
 */
public interface TrainModelUseCase {
  /**
   * Runs the training on the calling thread and returns when it ends.
   *
   * @throws io.mmq.core.common.PreconditionFailedException when the window has no labelled
   *     resources in the catalogue (derive labels first)
   * @throws io.mmq.core.common.NotFoundException when the model to fine-tune from does not exist
   * @throws IllegalArgumentException when the trainer rejects a hyperparameter
   */
  TrainModelResult train(TrainModelCommand command, TrainingObserver observer);
}
