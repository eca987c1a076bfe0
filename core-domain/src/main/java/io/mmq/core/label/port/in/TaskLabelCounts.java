package io.mmq.core.label.port.in;

import io.mmq.core.common.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One task's labels over a derivation: positive, negative, and unlabelled (records with too few
 * impressions, without the metric, or tied with the reference); and, when quality levels were
 * asked for, the eligible records at each level ({@code levelCounts.get(0)} the worst, empty when
 * no levels were asked for). Levels are counted, never stored.
 */
public record TaskLabelCounts(
    long positive, long negative, long unlabelled, List<Long> levelCounts) {
  public static final TaskLabelCounts NONE = new TaskLabelCounts(0, 0, 0);

  public TaskLabelCounts {
    Checks.requireNonNegative(positive, "positive");
    Checks.requireNonNegative(negative, "negative");
    Checks.requireNonNegative(unlabelled, "unlabelled");
    levelCounts = List.copyOf(Objects.requireNonNull(levelCounts, "levelCounts is null"));
    levelCounts.forEach(count -> Checks.requireNonNegative(count, "levelCounts"));
  }

  /** Counts without levels. */
  public TaskLabelCounts(long positive, long negative, long unlabelled) {
    this(positive, negative, unlabelled, List.of());
  }

  /** No record, and {@code levels} zero level counts (none for 0). */
  public static TaskLabelCounts none(int levels) {
    return new TaskLabelCounts(0, 0, 0, Collections.nCopies(levels, 0L));
  }

  public long labelled() {
    return positive + negative;
  }

  /**
   * The sum, level counts summed level by level (counts without levels add none).
   *
   * @throws IllegalArgumentException when both have level counts of different lengths
   */
  public TaskLabelCounts plus(TaskLabelCounts other) {
    return new TaskLabelCounts(
        positive + other.positive,
        negative + other.negative,
        unlabelled + other.unlabelled,
        sum(levelCounts, other.levelCounts));
  }

  private static List<Long> sum(List<Long> a, List<Long> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() ? b : a;
    }
    if (a.size() != b.size()) {
      throw new IllegalArgumentException(
          "level counts of " + a.size() + " and " + b.size() + " levels cannot be added");
    }
    List<Long> sum = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      sum.add(a.get(i) + b.get(i));
    }
    return sum;
  }
}
