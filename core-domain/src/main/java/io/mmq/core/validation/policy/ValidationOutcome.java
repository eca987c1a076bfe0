package io.mmq.core.validation.policy;

import io.mmq.core.common.Checks;
import io.mmq.core.validation.model.Decision;
import java.util.Objects;

/**
 * The verdict of {@link ValidationPolicy} on a validation set: either the model was {@link
 * Evaluated} (accuracy and a KEEP/UPDATE decision) or there was {@link NothingToEvaluate} (no
 * resource with a labelled, predicted task), which decides nothing: not a silent KEEP.
 *
 * <pre>{@code
 * if (outcome instanceof ValidationOutcome.Evaluated e && e.decision() == Decision.UPDATE) {
 *   // fine-tune a candidate
 * }
 * }</pre>
 */
public sealed interface ValidationOutcome {

  /** Resources offered to the tally, evaluated or not. */
  long seen();

  /** Resources with at least one labelled task the model predicts. */
  long evaluated();

  /** Evaluated resources whose coincidence reached the threshold. */
  long accurate();

  /** {@code accuracy = accurate / evaluated}; {@code decision} is KEEP or UPDATE. */
  record Evaluated(
      long seen,
      long evaluated,
      long accurate,
      double accuracy,
      double accuracyThreshold,
      Decision decision)
      implements ValidationOutcome {
    public Evaluated {
      if (evaluated < 1 || evaluated > seen) {
        throw new IllegalArgumentException(
            "evaluated must be in [1, seen=" + seen + "], was " + evaluated);
      }
      if (accurate < 0 || accurate > evaluated) {
        throw new IllegalArgumentException(
            "accurate must be in [0, evaluated=" + evaluated + "], was " + accurate);
      }
      Checks.requireInRange(accuracy, 0, 1, "accuracy");
      Checks.requireInRange(accuracyThreshold, 0, 1, "accuracyThreshold");
      Objects.requireNonNull(decision, "decision is null");
      if (decision != Decision.KEEP && decision != Decision.UPDATE) {
        throw new IllegalArgumentException(
            "a validation decides KEEP or UPDATE, was " + decision);
      }
    }
  }

  /** No resource could be evaluated: no accuracy, no decision. */
  record NothingToEvaluate(long seen) implements ValidationOutcome {
    public NothingToEvaluate {
      Checks.requireNonNegative(seen, "seen");
    }

    @Override
    public long evaluated() {
      return 0;
    }

    @Override
    public long accurate() {
      return 0;
    }
  }
}
