package io.mmq.core.label.policy;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.task.model.Task;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Label derivation of claims 2-3 (figs. 3-4, R5): per task, the eligible metric values of one
 * window define a reference value (mean or median, {@link Task#reference()}) and an interaction
 * degree for every value; a degree above the reference's degree is a {@code POSITIVE} label, below
 * a {@code NEGATIVE} one, equal no label.
 *
 * <p><b>Eligible value.</b> A record's metric value for a task counts when the record is reliable
 * (impressions absent or at least {@link Task#minImpressions()}) and it has the task's metric.
 *
 * <p><b>Interaction degree</b> (the "percentile score" of the description): the mid-rank
 * percentile of a value {@code v} in the window's {@code n} eligible values,
 *
 * <pre>
 *   degree(v) = 100 * (#{values &lt; v} + 0.5 * #{values == v}) / n
 * </pre>
 *
 * and {@code 100 - degree(v)} when lower is better (bounce rate). The reference's degree is
 * computed the same way. The mid-rank form is chosen because it is strictly increasing between
 * any window value and any other number: a window value's degree equals the reference's only when
 * the value equals the reference. The "weak" percentile ({@code #{values <= v} / n}) would make
 * the largest value below the reference tie with it, and the "strict" one ({@code #{values < v} /
 * n}) the smallest value above it; either would silently drop labels. So the label of a window
 * value is exactly the patent's example "click rate above the window's mean click rate ->
 * positive", inverted for lower-is-better metrics.
 *
 * <p><b>Memory.</b> The caller collects the eligible values (a primitive {@code double[]} or a
 * {@link MetricValues}, 8 bytes a value) and calls {@link #fit}; the returned {@link TaskLabeler}
 * keeps one sorted copy and labels any record in O(log n). The label service makes both passes
 * over each record window, streaming.
 *
 * <pre>{@code
 * LabelDerivationPolicy policy = LabelDerivationPolicy.STANDARD;
 * TaskLabeler ctr = policy.fit(task, new double[] {0.01, 0.02, 0.03, 0.04, 1.00});
 * Optional<Label> label = ctr.label(record); // POSITIVE when record's ctr > mean 0.22
 * }</pre>
 */
public final class LabelDerivationPolicy {

  /** Mid-rank percentile degrees, reference per task (the only rule; see the class comment). */
  public static final LabelDerivationPolicy STANDARD = new LabelDerivationPolicy();

  private LabelDerivationPolicy() {}

  /**
   * The record's value of the task's metric when it counts for the task: the record is reliable
   * and holds the metric. Empty otherwise.
   */
  public OptionalDouble eligibleValue(Task task, EngagementRecord record) {
    Objects.requireNonNull(task, "task is null");
    Objects.requireNonNull(record, "record is null");
    if (!record.isReliable(task.minImpressions())) {
      return OptionalDouble.empty();
    }
    return record.metric(task.metric());
  }

  /**
   * Fits a task's labeler on the eligible values of one window. The array is copied, not changed.
   * An empty array gives a labeler that labels nothing.
   *
   * @throws IllegalArgumentException when a value is NaN or infinite
   */
  public TaskLabeler fit(Task task, double[] values) {
    Objects.requireNonNull(task, "task is null");
    Objects.requireNonNull(values, "values is null");
    return fitOwned(task, values.clone());
  }

  /** Fits on the buffer's values; the buffer is left as it was. */
  public TaskLabeler fit(Task task, MetricValues values) {
    Objects.requireNonNull(task, "task is null");
    Objects.requireNonNull(values, "values is null");
    return fitOwned(task, values.toArray());
  }

  private static TaskLabeler fitOwned(Task task, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "values[" + i + "] must be a finite number, was " + values[i]);
      }
      values[i] += 0.0; // -0.0 becomes 0.0, so that sorting and comparing agree
    }
    Arrays.sort(values);
    return new TaskLabeler(task, values);
  }
}
