package io.mmq.core.training.port.out;

import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.training.model.ExampleSource;
import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingConfig;
import io.mmq.core.training.model.TrainingListener;
import java.util.Optional;

/** Trains the multi-task quality model (R10-R12). */
public interface ModelTrainer {

  /**
   * Trains on {@code training}, early-stopping on {@code validation}. With {@code fineTuneFrom},
   * starts from that model's weights (same tasks) instead of a fresh initialisation.
   *
   * @throws io.mmq.core.training.model.TrainingCancelledException when the listener cancels
   * @throws IllegalArgumentException when the configuration names an unknown or invalid setting
   */
  TrainedModel train(
      TaskSet tasks,
      ExampleSource training,
      ExampleSource validation,
      TrainingConfig config,
      Optional<ModelArtifact> fineTuneFrom,
      TrainingListener listener);
}
