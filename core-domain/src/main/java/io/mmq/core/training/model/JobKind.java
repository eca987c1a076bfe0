package io.mmq.core.training.model;

/** What started a training job. */
public enum JobKind {
  /** A training run asked for directly (Train, the retrain loop, the CLI). */
  TRAIN,
  /** The fine-tuning of the active model by a validation run with an update. */
  VALIDATION_UPDATE
}
