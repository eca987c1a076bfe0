package io.mmq.tensorflow;

import io.mmq.core.validation.model.TaskMetrics;
import io.mmq.core.validation.policy.MetricsCalculator;

/**
 * Collects, per task, the predicted probabilities of the labelled examples and their labels, and
 * computes the core's metrics (AUC, accuracy, log-loss, calibration error) from them.
 */
final class TaskScores {
  private final MetricsCalculator[] calculators;

  TaskScores(int tasks) {
    calculators = new MetricsCalculator[tasks];
    for (int t = 0; t < tasks; t++) {
      calculators[t] = new MetricsCalculator();
    }
  }

  /** Adds a batch: probabilities [rows][T] with flat labels and mask [rows * T]. */
  void add(float[][] probabilities, float[] labels, float[] mask) {
    int tasks = calculators.length;
    for (int r = 0; r < probabilities.length; r++) {
      for (int t = 0; t < tasks; t++) {
        if (mask[r * tasks + t] > 0) {
          calculators[t].add(probabilities[r][t], labels[r * tasks + t] > 0.5f);
        }
      }
    }
  }

  TaskMetrics metrics(int task) {
    return calculators[task].metrics();
  }

  double auc(int task) {
    return metrics(task).auc();
  }
}
