package io.mmq.core.training.port.in;

import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.model.TrainingListener;
import io.mmq.core.training.model.TrainingProgress;
import java.util.Objects;

/**
 * Follows a training run: told the job and its example counts as soon as the job is recorded (so
 * that the caller can show or cancel it), then every progress report; polled for cancellation
 * between steps, as a {@link TrainingListener}.
 */
public interface TrainingObserver extends TrainingListener {
  TrainingObserver NONE = new TrainingObserver() {};

  default void onStarted(TrainingJob job) {}

  /**
   * The job was recorded and is starting on {@code trainingExamples} training and {@code
   * validationExamples} held-out examples. This is the one the training calls; by default it
   * forwards to {@link #onStarted(TrainingJob)}, for observers that need only the job.
   */
  default void onStarted(TrainingJob job, long trainingExamples, long validationExamples) {
    onStarted(job);
  }

  /** An observer that only forwards to a listener. */
  static TrainingObserver of(TrainingListener listener) {
    Objects.requireNonNull(listener, "listener is null");
    return new TrainingObserver() {
      @Override
      public void onProgress(TrainingProgress progress) {
        listener.onProgress(progress);
      }

      @Override
      public boolean isCancelled() {
        return listener.isCancelled();
      }
    };
  }
}
