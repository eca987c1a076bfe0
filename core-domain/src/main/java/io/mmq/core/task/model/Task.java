package io.mmq.core.task.model;

import io.mmq.core.common.Checks;
import java.util.Objects;

/**
 * An engagement task (R3): the metric it learns from, whether higher or lower is better, the
 * reference statistic, the impressions a value needs to be reliable and its loss weight.
 */
public record Task(
    TaskName name,
    String metric,
    Direction direction,
    ReferenceStatistic reference,
    long minImpressions,
    double weight) {

  public Task {
    Objects.requireNonNull(name, "name is null");
    Checks.requireNonBlank(metric, "metric");
    Checks.requireMaxLength(metric, 64, "metric");
    Objects.requireNonNull(direction, "direction is null");
    Objects.requireNonNull(reference, "reference is null");
    Checks.requireNonNegative(minImpressions, "minImpressions");
    Checks.requireInRange(weight, 0, 1_000, "weight");
  }

  public static Task higherIsBetter(String name, String metric) {
    return new Task(
        TaskName.of(name), metric, Direction.HIGHER_IS_BETTER, ReferenceStatistic.MEAN, 100, 1.0);
  }

  public static Task lowerIsBetter(String name, String metric) {
    return new Task(
        TaskName.of(name), metric, Direction.LOWER_IS_BETTER, ReferenceStatistic.MEAN, 100, 1.0);
  }

  public Task withReference(ReferenceStatistic newReference) {
    return new Task(name, metric, direction, newReference, minImpressions, weight);
  }

  public Task withMinImpressions(long newMinImpressions) {
    return new Task(name, metric, direction, reference, newMinImpressions, weight);
  }

  public Task withWeight(double newWeight) {
    return new Task(name, metric, direction, reference, minImpressions, newWeight);
  }
}
