package io.mmq.app.baseline;

import io.mmq.app.baseline.HashedFeatures.SparseVector;
import io.mmq.core.validation.policy.MetricsCalculator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Binary logistic regression on sparse vectors, trained by stochastic gradient descent with
 * AdaGrad step sizes and an L2 penalty (applied to the weights each example touches, the usual
 * sparse form). Model selection on a held-out set: for every L2 strength of the grid, epochs run
 * until the held-out AUC has not improved for {@code patience} epochs (at most {@code maxEpochs});
 * the weights of the best (L2, epoch) by held-out AUC are kept. Deterministic for a seed.
 */
public final class LogisticRegression {

  /** The search: L2 strengths, AdaGrad's base step, the epoch cap and the early-stopping patience. */
  public record Settings(List<Double> l2Grid, double learningRate, int maxEpochs, int patience) {
    public static final Settings DEFAULT = new Settings(List.of(1e-5, 1e-4, 1e-3, 1e-2, 1e-1), 0.05, 30, 3);

    public Settings {
      l2Grid = List.copyOf(Objects.requireNonNull(l2Grid, "l2Grid is null"));
      if (l2Grid.isEmpty() || l2Grid.stream().anyMatch(l2 -> !(l2 >= 0) || Double.isInfinite(l2))) {
        throw new IllegalArgumentException("l2Grid must hold finite non-negative values, was " + l2Grid);
      }
      if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
        throw new IllegalArgumentException("learningRate must be positive, was " + learningRate);
      }
      if (maxEpochs < 1 || patience < 1) {
        throw new IllegalArgumentException("maxEpochs and patience must be at least 1");
      }
    }
  }

  /** The selected weights, their L2 strength and epoch count, and the held-out figures. */
  public record Fit(double[] weights, double l2, int epochs, double heldOutAuc, double heldOutLogLoss) {}

  private LogisticRegression() {}

  /**
   * Fits on {@code (x, y)} and selects on {@code (heldOutX, heldOutY)}; with an empty held-out
   * set, the first L2 strength of the grid and {@code maxEpochs} epochs.
   */
  public static Fit fit(
      List<SparseVector> x, boolean[] y, List<SparseVector> heldOutX, boolean[] heldOutY,
      int dimension, Settings settings, long seed) {
    Objects.requireNonNull(settings, "settings is null");
    if (x.size() != y.length || heldOutX.size() != heldOutY.length) {
      throw new IllegalArgumentException("vectors and labels differ in number");
    }
    if (x.isEmpty()) {
      throw new IllegalArgumentException("no training example");
    }
    boolean select = !heldOutX.isEmpty();
    Fit best = null;
    for (double l2 : select ? settings.l2Grid() : settings.l2Grid().subList(0, 1)) {
      double[] w = new double[dimension];
      double[] squares = new double[dimension];
      Random random = new Random(seed);
      int[] order = new int[x.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      int sinceBest = 0;
      double bestAucForL2 = Double.NEGATIVE_INFINITY;
      for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
        shuffle(order, random);
        for (int i : order) {
          step(x.get(i), y[i], w, squares, l2, settings.learningRate());
        }
        if (!select) {
          continue;
        }
        double[] metrics = heldOut(w, heldOutX, heldOutY);
        if (metrics[0] > bestAucForL2) {
          bestAucForL2 = metrics[0];
          sinceBest = 0;
          if (best == null || metrics[0] > best.heldOutAuc()) {
            best = new Fit(w.clone(), l2, epoch, metrics[0], metrics[1]);
          }
        } else if (++sinceBest >= settings.patience()) {
          break;
        }
      }
      if (!select) {
        best = new Fit(w, l2, settings.maxEpochs(), Double.NaN, Double.NaN);
      }
    }
    if (best == null) { // the held-out set has one class only: AUC is NaN at every epoch
      return fit(x, y, List.of(), new boolean[0], dimension, settings, seed);
    }
    return best;
  }

  /** The probability that the label is positive. */
  public static double probability(SparseVector v, double[] weights) {
    double z = v.dot(weights);
    return 1 / (1 + Math.exp(-z));
  }

  private static void step(
      SparseVector v, boolean positive, double[] w, double[] squares, double l2, double rate) {
    double g = probability(v, w) - (positive ? 1 : 0);
    int[] index = v.index();
    float[] value = v.value();
    for (int k = 0; k < index.length; k++) {
      int j = index[k];
      double grad = g * value[k] + (j == HashedFeatures.BIAS ? 0 : l2 * w[j]);
      squares[j] += grad * grad;
      w[j] -= rate * grad / (Math.sqrt(squares[j]) + 1e-8);
    }
  }

  private static double[] heldOut(double[] w, List<SparseVector> x, boolean[] y) {
    MetricsCalculator calculator = new MetricsCalculator();
    for (int i = 0; i < x.size(); i++) {
      calculator.add(probability(x.get(i), w), y[i]);
    }
    var metrics = calculator.metrics();
    return new double[] {metrics.auc(), metrics.logLoss()};
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
