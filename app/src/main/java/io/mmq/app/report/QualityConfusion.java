package io.mmq.app.report;

import io.mmq.core.common.Checks;
import java.util.Objects;

/**
 * The aggregated quality class (HIGH or LOW by the aggregation policy) of the labels against that of
 * the predictions, over the same labelled tasks of each resource: counts per (labelled, predicted)
 * pair, and the policy's configuration string.
 */
public record QualityConfusion(
    String policy, long highAsHigh, long highAsLow, long lowAsHigh, long lowAsLow) {
  public QualityConfusion {
    Objects.requireNonNull(policy, "policy is null");
    Checks.requireNonNegative(highAsHigh, "highAsHigh");
    Checks.requireNonNegative(highAsLow, "highAsLow");
    Checks.requireNonNegative(lowAsHigh, "lowAsHigh");
    Checks.requireNonNegative(lowAsLow, "lowAsLow");
  }

  public long total() {
    return highAsHigh + highAsLow + lowAsHigh + lowAsLow;
  }
}
