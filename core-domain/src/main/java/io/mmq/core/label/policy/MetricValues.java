package io.mmq.core.label.policy;

import java.util.Arrays;

/**
 * A growable buffer of primitive {@code double} metric values: 8 bytes a value, no boxing, so
 * that one task's values over millions of records fit in bounded memory before {@link
 * LabelDerivationPolicy#fit(io.mmq.core.task.model.Task, MetricValues)}.
 *
 * <pre>{@code
 * MetricValues values = new MetricValues();
 * engagements.forEachIn(window, record ->
 *     policy.eligibleValue(task, record).ifPresent(values::add));
 * TaskLabeler labeler = policy.fit(task, values);
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class MetricValues {
  /** The largest number of values a buffer holds (the largest safe Java array). */
  public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

  private double[] values;
  private int size;

  public MetricValues() {
    this(1024);
  }

  public MetricValues(int initialCapacity) {
    if (initialCapacity < 0) {
      throw new IllegalArgumentException(
          "initialCapacity must not be negative, was " + initialCapacity);
    }
    values = new double[initialCapacity];
  }

  /** Appends a finite value. */
  public void add(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("metric value must be a finite number, was " + value);
    }
    if (size == values.length) {
      grow();
    }
    values[size++] = value;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public double get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " out of [0, " + size + ")");
    }
    return values[index];
  }

  /** A copy of the values, in insertion order, exactly {@link #size()} long. */
  public double[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** Empties the buffer and releases its storage. */
  public void clear() {
    values = new double[0];
    size = 0;
  }

  private void grow() {
    if (size == MAX_SIZE) {
      throw new IllegalStateException("a metric buffer holds at most " + MAX_SIZE + " values");
    }
    long wanted = Math.max(16L, (long) values.length + (values.length >> 1));
    values = Arrays.copyOf(values, (int) Math.min(wanted, MAX_SIZE));
  }
}
