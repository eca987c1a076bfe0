package io.mmq.core.training.model;

/** Receives progress while a model trains; also asked whether the training should stop. */
public interface TrainingListener {
  TrainingListener NONE = new TrainingListener() {};

  default void onProgress(TrainingProgress progress) {}

  /** Polled between steps; when true the trainer stops and throws {@link TrainingCancelledException}. */
  default boolean isCancelled() {
    return false;
  }
}
