package io.mmq.core.classification.model;

import io.mmq.core.common.Checks;
import io.mmq.core.label.model.Label;
import java.util.Objects;

/** The model's probability that a task's label is positive, and the label it implies. */
public record TaskPrediction(double probability, Label label) {
  public TaskPrediction {
    Checks.requireInRange(probability, 0, 1, "probability");
    Objects.requireNonNull(label, "label is null");
  }

  /** The label at the usual 0.5 decision threshold. */
  public static TaskPrediction of(double probability) {
    return new TaskPrediction(probability, Label.of(probability >= 0.5));
  }
}
