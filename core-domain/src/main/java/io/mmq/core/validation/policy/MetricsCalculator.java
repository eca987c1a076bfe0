package io.mmq.core.validation.policy;

import io.mmq.core.common.Checks;
import io.mmq.core.label.model.Label;
import io.mmq.core.validation.model.ScoredLabel;
import io.mmq.core.validation.model.TaskMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Collects one task's (probability, label) pairs and computes its {@link TaskMetrics}:
 *
 * <ul>
 *   <li><b>AUC</b>: the Mann-Whitney statistic, {@code (#{(pos, neg) : p_pos > p_neg} + 0.5 *
 *       #{ties}) / (P * N)} over all positive-negative pairs; NaN without both classes;
 *   <li><b>accuracy</b> at 0.5: the share of pairs with {@code (p >= 0.5) == positive};
 *   <li><b>labelled</b>: the number of pairs; <b>positiveRate</b>: the share of positive labels;
 *   <li><b>logLoss</b>: the mean of {@code -(y ln p + (1 - y) ln(1 - p))}, p clipped to {@code
 *       [1e-15, 1 - 1e-15]};
 *   <li><b>calibrationError</b> (ECE): 10 equal-width bins {@code [0, 0.1), ..., [0.9, 1.0]} (bin
 *       {@code min(floor(10 p), 9)}), {@code sum_b (n_b / n) * |mean p in b - positive share in
 *       b|}.
 * </ul>
 *
 * With no pairs every figure but {@code labelled = 0} is NaN. Memory: 9 bytes a pair. Not
 * thread-safe.
 *
 * <pre>{@code
 * MetricsCalculator ctr = new MetricsCalculator();
 * ctr.add(0.8, Label.POSITIVE);
 * ctr.add(0.1, Label.NEGATIVE);
 * TaskMetrics metrics = ctr.metrics(); // auc 1.0, accuracy 1.0, labelled 2, ...
 * }</pre>
 */
public final class MetricsCalculator {
  /** Probabilities are clipped to {@code [EPSILON, 1 - EPSILON]} in the log-loss. */
  public static final double EPSILON = 1e-15;

  /** Number of equal-width bins of the expected calibration error. */
  public static final int CALIBRATION_BINS = 10;

  private double[] probabilities = new double[64];
  private boolean[] positives = new boolean[64];
  private int size;

  /** The metrics of parallel arrays of probabilities and labels. */
  public static TaskMetrics of(double[] probabilities, boolean[] positives) {
    Objects.requireNonNull(probabilities, "probabilities is null");
    Objects.requireNonNull(positives, "positives is null");
    if (probabilities.length != positives.length) {
      throw new IllegalArgumentException(
          probabilities.length + " probabilities but " + positives.length + " labels");
    }
    MetricsCalculator calculator = new MetricsCalculator();
    for (int i = 0; i < probabilities.length; i++) {
      calculator.add(probabilities[i], positives[i]);
    }
    return calculator.metrics();
  }

  public void add(double probability, Label label) {
    Objects.requireNonNull(label, "label is null");
    add(probability, label.isPositive());
  }

  public void add(double probability, boolean positive) {
    Checks.requireInRange(probability, 0, 1, "probability");
    if (size == probabilities.length) {
      int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * size);
      if (capacity == size) {
        throw new IllegalStateException("a metrics calculator holds at most " + size + " pairs");
      }
      probabilities = Arrays.copyOf(probabilities, capacity);
      positives = Arrays.copyOf(positives, capacity);
    }
    probabilities[size] = probability;
    positives[size] = positive;
    size++;
  }

  /** The number of pairs added. */
  public int count() {
    return size;
  }

  /** The pairs added, in order. */
  public List<ScoredLabel> scored() {
    ScoredLabel[] pairs = new ScoredLabel[size];
    for (int i = 0; i < size; i++) {
      pairs[i] = new ScoredLabel(probabilities[i], positives[i]);
    }
    return List.of(pairs);
  }

  public TaskMetrics metrics() {
    if (size == 0) {
      return new TaskMetrics(Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN);
    }
    int positiveCount = 0;
    int correct = 0;
    double logLoss = 0;
    for (int i = 0; i < size; i++) {
      double p = probabilities[i];
      boolean y = positives[i];
      if (y) {
        positiveCount++;
      }
      if ((p >= 0.5) == y) {
        correct++;
      }
      double clipped = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
      logLoss -= y ? Math.log(clipped) : Math.log1p(-clipped);
    }
    return new TaskMetrics(
        auc(positiveCount),
        (double) correct / size,
        size,
        (double) positiveCount / size,
        logLoss / size,
        calibrationError());
  }

  /** Mann-Whitney: for each positive, the negatives below it plus half those equal to it. */
  private double auc(int positiveCount) {
    int negativeCount = size - positiveCount;
    if (positiveCount == 0 || negativeCount == 0) {
      return Double.NaN;
    }
    double[] positive = new double[positiveCount];
    double[] negative = new double[negativeCount];
    int ip = 0;
    int in = 0;
    for (int i = 0; i < size; i++) {
      if (positives[i]) {
        positive[ip++] = probabilities[i];
      } else {
        negative[in++] = probabilities[i];
      }
    }
    Arrays.sort(positive);
    Arrays.sort(negative);
    double wins = 0; // in halves: 2 per win, 1 per tie
    int below = 0; // negatives < current positive
    int belowOrEqual = 0; // negatives <= current positive
    for (double p : positive) { // ascending, so both pointers only move forward
      while (below < negativeCount && negative[below] < p) {
        below++;
      }
      while (belowOrEqual < negativeCount && negative[belowOrEqual] <= p) {
        belowOrEqual++;
      }
      wins += below + belowOrEqual;
    }
    return wins / 2 / ((double) positiveCount * negativeCount);
  }

  private double calibrationError() {
    long[] counts = new long[CALIBRATION_BINS];
    double[] probabilitySums = new double[CALIBRATION_BINS];
    long[] positiveCounts = new long[CALIBRATION_BINS];
    for (int i = 0; i < size; i++) {
      int bin = Math.min((int) (probabilities[i] * CALIBRATION_BINS), CALIBRATION_BINS - 1);
      counts[bin]++;
      probabilitySums[bin] += probabilities[i];
      if (positives[i]) {
        positiveCounts[bin]++;
      }
    }
    double error = 0;
    for (int b = 0; b < CALIBRATION_BINS; b++) {
      if (counts[b] > 0) {
        double gap = probabilitySums[b] / counts[b] - (double) positiveCounts[b] / counts[b];
        error += (double) counts[b] / size * Math.abs(gap);
      }
    }
    return error;
  }
}
