package io.mmq.core.training.model;

/** Thrown by a trainer that stopped because its listener asked it to. */
public class TrainingCancelledException extends RuntimeException {
  public TrainingCancelledException(String message) {
    super(message);
  }
}
