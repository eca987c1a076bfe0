package io.mmq.core.training.model;

/** The life of a training job. */
public enum JobState {
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isFinal() {
    return this != RUNNING;
  }
}
