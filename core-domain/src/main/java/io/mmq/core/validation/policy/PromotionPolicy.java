package io.mmq.core.validation.policy;

import io.mmq.core.common.Checks;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.validation.model.TaskMetrics;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Promote-only-if-better (R8): a candidate produced by an update replaces the active model only if
 * it beats it on the same held-out data. Both are compared on the tasks where both have a finite
 * AUC (a NaN AUC, one class only, is left out); the candidate is promoted when
 *
 * <pre>
 *   mean AUC(candidate) &gt; mean AUC(active) + minMargin       (strictly)
 * </pre>
 *
 * and rejected otherwise, also when no task can be compared. With no active model at all the
 * candidate is promoted (there is nothing to beat).
 *
 * <pre>{@code
 * PromotionVerdict verdict = PromotionPolicy.DEFAULT.decide(candidateMetrics, activeMetrics);
 * if (verdict instanceof PromotionVerdict.Promote) { registry.activate(candidate); }
 * }</pre>
 */
public record PromotionPolicy(double minMargin) {
  /** Strictly higher mean AUC, no margin. */
  public static final PromotionPolicy DEFAULT = new PromotionPolicy(0);

  public PromotionPolicy {
    Checks.requireInRange(minMargin, 0, 1, "minMargin");
  }

  /** Compares a candidate with the active model, both evaluated on the same held-out data. */
  public PromotionVerdict decide(
      Map<TaskName, TaskMetrics> candidate, Map<TaskName, TaskMetrics> active) {
    Objects.requireNonNull(candidate, "candidate is null");
    Objects.requireNonNull(active, "active is null");
    double candidateSum = 0;
    double activeSum = 0;
    int compared = 0;
    for (Map.Entry<TaskName, TaskMetrics> entry : candidate.entrySet()) {
      TaskMetrics activeMetrics = active.get(entry.getKey());
      Objects.requireNonNull(entry.getValue(), "metrics of task '" + entry.getKey() + "' is null");
      if (activeMetrics == null
          || !Double.isFinite(entry.getValue().auc())
          || !Double.isFinite(activeMetrics.auc())) {
        continue;
      }
      candidateSum += entry.getValue().auc();
      activeSum += activeMetrics.auc();
      compared++;
    }
    if (compared == 0) {
      return new PromotionVerdict.Reject(
          Double.NaN,
          Double.NaN,
          0,
          "no task has a finite AUC for both models on the held-out data");
    }
    double candidateAuc = candidateSum / compared;
    double activeAuc = activeSum / compared;
    String figures =
        String.format(
            Locale.ROOT,
            "mean AUC %.4f vs active %.4f over %d task%s (margin %.4f)",
            candidateAuc,
            activeAuc,
            compared,
            compared == 1 ? "" : "s",
            minMargin);
    if (candidateAuc > activeAuc + minMargin) {
      return new PromotionVerdict.Promote(
          candidateAuc, activeAuc, compared, "candidate is better: " + figures);
    }
    return new PromotionVerdict.Reject(
        candidateAuc, activeAuc, compared, "candidate is not better: " + figures);
  }

  /**
   * As {@link #decide(Map, Map)}; with no active model the candidate is promoted.
   */
  public PromotionVerdict decide(
      Map<TaskName, TaskMetrics> candidate, Optional<Map<TaskName, TaskMetrics>> active) {
    Objects.requireNonNull(candidate, "candidate is null");
    Objects.requireNonNull(active, "active is null");
    if (active.isPresent()) {
      return decide(candidate, active.get());
    }
    double sum = 0;
    int count = 0;
    for (TaskMetrics metrics : candidate.values()) {
      if (Double.isFinite(metrics.auc())) {
        sum += metrics.auc();
        count++;
      }
    }
    return new PromotionVerdict.Promote(
        count == 0 ? Double.NaN : sum / count, Double.NaN, 0, "no active model to beat");
  }
}
