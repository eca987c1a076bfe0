package io.mmq.core.validation.policy;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.label.model.Label;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.task.model.TaskName;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Counts a validation set resource by resource for a {@link ValidationPolicy}, in constant memory.
 * Not thread-safe.
 *
 * <pre>{@code
 * ValidationTally tally = ValidationPolicy.DEFAULT.newTally();
 * tally.add(prediction, labelledResource);
 * ValidationOutcome outcome = tally.outcome();
 * }</pre>
 */
public final class ValidationTally {
  private final ValidationPolicy policy;
  private long seen;
  private long evaluated;
  private long accurate;

  ValidationTally(ValidationPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy is null");
  }

  /** Adds one resource; returns its coincidence, empty when it is not evaluated. */
  public OptionalDouble add(Prediction prediction, LabelledResource labelled) {
    return count(ValidationPolicy.coincidence(prediction, labelled));
  }

  /** Adds one resource given as predicted and true labels per task. */
  public OptionalDouble add(Map<TaskName, Label> predicted, Map<TaskName, Label> labels) {
    return count(ValidationPolicy.coincidence(predicted, labels));
  }

  private OptionalDouble count(OptionalDouble coincidence) {
    seen++;
    if (coincidence.isPresent()) {
      evaluated++;
      if (policy.isAccurate(coincidence.getAsDouble())) {
        accurate++;
      }
    }
    return coincidence;
  }

  public long seen() {
    return seen;
  }

  public long evaluated() {
    return evaluated;
  }

  public long accurate() {
    return accurate;
  }

  /** The outcome of the resources added so far. */
  public ValidationOutcome outcome() {
    return policy.outcome(seen, evaluated, accurate);
  }
}
