package io.mmq.core.label.port.in;

import io.mmq.core.common.Checks;

/**
 * One task's labels over a derivation: positive, negative, and unlabelled (records with too few
 * impressions, without the metric, or tied with the reference).
 */
public record TaskLabelCounts(long positive, long negative, long unlabelled) {
  public static final TaskLabelCounts NONE = new TaskLabelCounts(0, 0, 0);

  public TaskLabelCounts {
    Checks.requireNonNegative(positive, "positive");
    Checks.requireNonNegative(negative, "negative");
    Checks.requireNonNegative(unlabelled, "unlabelled");
  }

  public long labelled() {
    return positive + negative;
  }

  public TaskLabelCounts plus(TaskLabelCounts other) {
    return new TaskLabelCounts(
        positive + other.positive, negative + other.negative, unlabelled + other.unlabelled);
  }
}
