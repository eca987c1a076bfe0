package io.mmq.app.report;

import io.mmq.core.validation.model.ScoredLabel;
import io.mmq.core.validation.policy.MetricsCalculator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The per-item figures behind the charts, computed from one task's (probability, label) pairs: the
 * ROC curve, the reliability bins and the confusion matrix at 0.5 (the threshold of the accuracy
 * figure).
 */
final class Curves {
  private Curves() {}

  /** A point of the ROC curve: false positive rate, true positive rate. */
  record RocPoint(double falsePositiveRate, double truePositiveRate) {}

  /**
   * One reliability bin {@code [lower, upper)} (the last one closed): how many pairs fell in it,
   * their mean probability and the share of positive labels among them (NaN when empty).
   */
  record CalibrationBin(double lower, double upper, long count, double meanProbability, double positiveRate) {}

  /** Counts at threshold 0.5: a pair is predicted positive when its probability is at least 0.5. */
  record Confusion(long truePositives, long falseNegatives, long falsePositives, long trueNegatives) {
    long total() {
      return truePositives + falseNegatives + falsePositives + trueNegatives;
    }
  }

  /**
   * The ROC curve from (0, 0) to (1, 1), one point per distinct probability taken as the threshold
   * (highest first; tied pairs move together, so the area under it is the Mann-Whitney AUC). Empty
   * without both classes.
   */
  static List<RocPoint> roc(List<ScoredLabel> pairs) {
    long positives = pairs.stream().filter(ScoredLabel::positive).count();
    long negatives = pairs.size() - positives;
    if (positives == 0 || negatives == 0) {
      return List.of();
    }
    List<ScoredLabel> sorted = new ArrayList<>(pairs);
    sorted.sort(Comparator.comparingDouble(ScoredLabel::probability).reversed());
    List<RocPoint> points = new ArrayList<>();
    points.add(new RocPoint(0, 0));
    long truePositives = 0;
    long falsePositives = 0;
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).positive()) {
        truePositives++;
      } else {
        falsePositives++;
      }
      boolean lastOfTie =
          i == sorted.size() - 1 || sorted.get(i + 1).probability() != sorted.get(i).probability();
      if (lastOfTie) {
        points.add(new RocPoint((double) falsePositives / negatives, (double) truePositives / positives));
      }
    }
    return points;
  }

  /** The ROC AUC as the evaluation figures compute it; NaN without both classes. */
  static double auc(List<ScoredLabel> pairs) {
    double[] probabilities = new double[pairs.size()];
    boolean[] positives = new boolean[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      probabilities[i] = pairs.get(i).probability();
      positives[i] = pairs.get(i).positive();
    }
    return MetricsCalculator.of(probabilities, positives).auc();
  }

  /**
   * {@value MetricsCalculator#CALIBRATION_BINS} equal-width bins over [0, 1], the bins of the
   * expected calibration error (bin {@code min(floor(10 p), 9)}).
   */
  static List<CalibrationBin> calibration(List<ScoredLabel> pairs) {
    int bins = MetricsCalculator.CALIBRATION_BINS;
    long[] counts = new long[bins];
    double[] sums = new double[bins];
    long[] positives = new long[bins];
    for (ScoredLabel pair : pairs) {
      int bin = Math.min((int) (pair.probability() * bins), bins - 1);
      counts[bin]++;
      sums[bin] += pair.probability();
      if (pair.positive()) {
        positives[bin]++;
      }
    }
    List<CalibrationBin> result = new ArrayList<>(bins);
    for (int b = 0; b < bins; b++) {
      result.add(
          new CalibrationBin(
              (double) b / bins,
              (double) (b + 1) / bins,
              counts[b],
              counts[b] == 0 ? Double.NaN : sums[b] / counts[b],
              counts[b] == 0 ? Double.NaN : (double) positives[b] / counts[b]));
    }
    return result;
  }

  static Confusion confusion(List<ScoredLabel> pairs) {
    long tp = 0;
    long fn = 0;
    long fp = 0;
    long tn = 0;
    for (ScoredLabel pair : pairs) {
      boolean predicted = pair.probability() >= 0.5;
      if (pair.positive()) {
        if (predicted) {
          tp++;
        } else {
          fn++;
        }
      } else if (predicted) {
        fp++;
      } else {
        tn++;
      }
    }
    return new Confusion(tp, fn, fp, tn);
  }
}
