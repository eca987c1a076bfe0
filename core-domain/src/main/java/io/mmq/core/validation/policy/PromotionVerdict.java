package io.mmq.core.validation.policy;

import io.mmq.core.common.Checks;
import io.mmq.core.validation.model.Decision;

/**
 * What {@link PromotionPolicy} says about a candidate model: {@link Promote} or {@link Reject},
 * each with the mean AUCs compared (NaN when no task could be compared) and a reason.
 *
 * <pre>{@code
 * switch (verdict.decision()) { case PROMOTED -> registry.promote(...); ... }
 * }</pre>
 */
public sealed interface PromotionVerdict {
  /** Mean AUC of the candidate over the compared tasks; NaN when none. */
  double candidateAuc();

  /** Mean AUC of the active model over the compared tasks; NaN when none or no active model. */
  double activeAuc();

  /** Tasks with a finite AUC for both models. */
  int comparedTasks();

  String reason();

  /** {@link Decision#PROMOTED} or {@link Decision#REJECTED}. */
  Decision decision();

  /** The candidate replaces the active model. */
  record Promote(double candidateAuc, double activeAuc, int comparedTasks, String reason)
      implements PromotionVerdict {
    public Promote {
      Checks.requireNonBlank(reason, "reason");
      Checks.requireNonNegative(comparedTasks, "comparedTasks");
    }

    @Override
    public Decision decision() {
      return Decision.PROMOTED;
    }
  }

  /** The active model stays. */
  record Reject(double candidateAuc, double activeAuc, int comparedTasks, String reason)
      implements PromotionVerdict {
    public Reject {
      Checks.requireNonBlank(reason, "reason");
      Checks.requireNonNegative(comparedTasks, "comparedTasks");
    }

    @Override
    public Decision decision() {
      return Decision.REJECTED;
    }
  }
}
