package io.mmq.core.validation.port.in;

import io.mmq.core.engagement.model.TimeWindow;
import java.util.Objects;

/** What one turn of the retraining loop did: nothing (not due, or skipped with why), or ran. */
public sealed interface RetrainCycleOutcome {
  /** No validation is due yet; the status says when the next one is. */
  record NotDue(RetrainScheduleStatus status) implements RetrainCycleOutcome {
    public NotDue {
      Objects.requireNonNull(status, "status is null");
    }
  }

  /**
   * A validation was due (or asked for) but could not or need not run, and why. Nothing was
   * recorded, except when the update of a recorded UPDATE run found nothing to fine-tune on.
   */
  record Skipped(String reason) implements RetrainCycleOutcome {
    public Skipped {
      Objects.requireNonNull(reason, "reason is null");
    }
  }

  /** The active model was validated on {@code window}; the run is recorded. */
  record Ran(TimeWindow window, ValidateModelResult result) implements RetrainCycleOutcome {
    public Ran {
      Objects.requireNonNull(window, "window is null");
      Objects.requireNonNull(result, "result is null");
    }
  }
}
