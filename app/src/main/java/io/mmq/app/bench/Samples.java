package io.mmq.app.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of measured values: the median, and percentiles by the nearest-rank method. */
public final class Samples {
  private final double[] sorted;

  private Samples(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  public static Samples of(double... values) {
    return new Samples(values);
  }

  public static Samples of(List<Double> values) {
    return new Samples(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  public int count() {
    return sorted.length;
  }

  /** The middle value (the mean of the two middle ones for an even count). */
  public double median() {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * The smallest value with at least {@code fraction} of the samples at or below it (nearest rank);
   * a p999 of fewer than 1,000 samples is their maximum.
   */
  public double percentile(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction);
    }
    int rank = (int) Math.ceil(fraction * sorted.length - 1e-9);
    return sorted[Math.max(1, rank) - 1];
  }

  public double mean() {
    return Arrays.stream(sorted).average().orElseThrow();
  }

  /** The values, in ascending order. */
  public double[] values() {
    return sorted.clone();
  }

  public double max() {
    return sorted[sorted.length - 1];
  }
}
