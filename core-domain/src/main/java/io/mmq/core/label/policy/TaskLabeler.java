package io.mmq.core.label.policy;

import io.mmq.core.common.Checks;
import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.label.model.Label;
import io.mmq.core.task.model.Direction;
import io.mmq.core.task.model.ReferenceStatistic;
import io.mmq.core.task.model.Task;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One task's labeler for one window, made by {@link LabelDerivationPolicy#fit}: the window's
 * sorted eligible values, the reference value (mean or median) and its interaction degree.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * TaskLabeler labeler = LabelDerivationPolicy.STANDARD.fit(task, values);
 * labeler.label(record);                       // Optional<Label>: empty = tie or not eligible
 * labeler.level(record, QualityLevels.of(3));  // OptionalInt 0..2, empty = not eligible
 * }</pre>
 */
public final class TaskLabeler {
  private final Task task;
  private final double[] sorted;
  private final double reference;
  private final long referenceHalfRank;
  private final double degreeSpread;

  TaskLabeler(Task task, double[] sorted) {
    this.task = Objects.requireNonNull(task, "task is null");
    this.sorted = sorted;
    this.reference = sorted.length == 0 ? Double.NaN : referenceOf(task.reference(), sorted);
    this.referenceHalfRank = sorted.length == 0 ? 0 : halfRank(reference);
    this.degreeSpread = sorted.length == 0 ? Double.NaN : spread(sorted);
  }

  public Task task() {
    return task;
  }

  /** The number of eligible values of the window. */
  public int size() {
    return sorted.length;
  }

  public boolean isEmpty() {
    return sorted.length == 0;
  }

  /** The reference value: mean or median of the eligible values; empty for an empty window. */
  public OptionalDouble reference() {
    return isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(reference);
  }

  /** The interaction degree of the reference value; empty for an empty window. */
  public OptionalDouble referenceDegree() {
    return isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(degreeOfHalfRank(referenceHalfRank));
  }

  /**
   * The population standard deviation of the degrees of the window's values (their mean is always
   * 50); NaN for an empty window, 0 when every value is the same.
   */
  public double degreeSpread() {
    return degreeSpread;
  }

  /**
   * The interaction degree (0-100) of any finite value in this window, direction applied.
   *
   * @throws IllegalStateException when the window has no eligible value
   */
  public double degree(double value) {
    requireNotEmpty();
    Checks.requireFinite(value, "value");
    return degreeOfHalfRank(halfRank(value));
  }

  /** The record's label: empty when the record is not eligible or ties with the reference. */
  public Optional<Label> label(EngagementRecord record) {
    OptionalDouble value = LabelDerivationPolicy.STANDARD.eligibleValue(task, record);
    return value.isPresent() ? labelOf(value.getAsDouble()) : Optional.empty();
  }

  /** The label of an eligible value: empty on a tie with the reference or in an empty window. */
  public Optional<Label> labelOf(double value) {
    Checks.requireFinite(value, "value");
    if (isEmpty()) {
      return Optional.empty();
    }
    int comparison = Long.compare(halfRank(value), referenceHalfRank);
    if (task.direction() == Direction.LOWER_IS_BETTER) {
      comparison = -comparison;
    }
    if (comparison == 0) {
      return Optional.empty();
    }
    return Optional.of(Label.of(comparison > 0));
  }

  /** The record's quality level (see {@link QualityLevels}); empty when not eligible. */
  public OptionalInt level(EngagementRecord record, QualityLevels levels) {
    Objects.requireNonNull(levels, "levels is null");
    OptionalDouble value = LabelDerivationPolicy.STANDARD.eligibleValue(task, record);
    return value.isPresent() && !isEmpty()
        ? OptionalInt.of(levelOf(value.getAsDouble(), levels))
        : OptionalInt.empty();
  }

  /**
   * The quality level of a value: {@code z = (degree(value) - referenceDegree) / degreeSpread}
   * (0 when the spread is 0) placed by {@link QualityLevels#level(double)}.
   */
  public int levelOf(double value, QualityLevels levels) {
    Objects.requireNonNull(levels, "levels is null");
    double difference = degree(value) - degreeOfHalfRank(referenceHalfRank);
    double z = degreeSpread == 0 ? 0 : difference / degreeSpread;
    return levels.level(z);
  }

  /** {@code 2 * #{values < x} + #{values == x}}: twice the mid-rank, an exact integer. */
  private long halfRank(double x) {
    return (long) lowerBound(sorted, x) + upperBound(sorted, x);
  }

  private double degreeOfHalfRank(long halfRank) {
    double degree = 50.0 * halfRank / sorted.length;
    return task.direction() == Direction.LOWER_IS_BETTER ? 100.0 - degree : degree;
  }

  private void requireNotEmpty() {
    if (isEmpty()) {
      throw new IllegalStateException(
          "task '" + task.name() + "' has no eligible value in this window");
    }
  }

  private static double referenceOf(ReferenceStatistic statistic, double[] sorted) {
    return switch (statistic) {
      case MEAN -> mean(sorted);
      case MEDIAN -> median(sorted);
    };
  }

  static double mean(double[] values) {
    double mean = neumaierSum(values, 1.0) / values.length;
    if (!Double.isFinite(mean)) { // the sum overflowed: sum the scaled values instead
      mean = neumaierSum(values, 1.0 / values.length);
    }
    return mean;
  }

  private static double neumaierSum(double[] values, double scale) {
    double sum = 0;
    double compensation = 0;
    for (double raw : values) {
      double value = raw * scale;
      double next = sum + value;
      compensation +=
          Math.abs(sum) >= Math.abs(value) ? (sum - next) + value : (value - next) + sum;
      sum = next;
    }
    return sum + compensation;
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : sorted[n / 2 - 1] / 2 + sorted[n / 2] / 2;
  }

  /** Standard deviation of the mid-rank degrees around their mean, 50, in degree units. */
  private static double spread(double[] sorted) {
    int n = sorted.length;
    double sumOfSquares = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && sorted[j] == sorted[i]) {
        j++;
      }
      double degree = 50.0 * ((long) i + j) / n; // 100 * (i + 0.5 * (j - i)) / n
      sumOfSquares += (j - i) * (degree - 50) * (degree - 50);
      i = j;
    }
    return Math.sqrt(sumOfSquares / n);
  }

  /** First index whose value is not below x. */
  private static int lowerBound(double[] a, double x) {
    int low = 0;
    int high = a.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (a[mid] < x) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** First index whose value is above x. */
  private static int upperBound(double[] a, double x) {
    int low = 0;
    int high = a.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (a[mid] <= x) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  @Override
  public String toString() {
    return "TaskLabeler[task="
        + task.name()
        + ", values="
        + sorted.length
        + ", reference="
        + (isEmpty() ? "none" : reference)
        + "]";
  }
}
