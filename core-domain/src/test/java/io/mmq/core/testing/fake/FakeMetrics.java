package io.mmq.core.testing.fake;

import java.util.Comparator;
import java.util.List;

/** Log-loss and rank AUC over (probability, 0/1 label) pairs, for the fake trainer's reports. */
final class FakeMetrics {
  private static final double EPSILON = 1e-7;

  private FakeMetrics() {}

  static double logLoss(List<double[]> pairs) {
    double sum = 0;
    for (double[] pair : pairs) {
      double p = Math.min(1 - EPSILON, Math.max(EPSILON, pair[0]));
      sum -= pair[1] > 0.5 ? Math.log(p) : Math.log(1 - p);
    }
    return sum / pairs.size();
  }

  /** Mann-Whitney AUC with tied scores counted half; NaN when only one class is present. */
  static double auc(List<double[]> pairs) {
    List<double[]> sorted = pairs.stream().sorted(Comparator.comparingDouble(p -> p[0])).toList();
    long positives = sorted.stream().filter(p -> p[1] > 0.5).count();
    long negatives = sorted.size() - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    double rankSum = 0;
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j + 1 < sorted.size() && sorted.get(j + 1)[0] == sorted.get(i)[0]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (sorted.get(k)[1] > 0.5) {
          rankSum += averageRank;
        }
      }
      i = j + 1;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
