package io.mmq.core.training.port.in;

import io.mmq.core.training.model.TrainingJob;
import java.util.Objects;

/** What a cancel did, and the job as it stands after it. */
public record CancelJobResult(TrainingJob job, Outcome outcome) {

  /** The possible outcomes of a cancel. */
  public enum Outcome {
    /** The job runs here: it stops before its next step and then reads CANCELLED. */
    REQUESTED,
    /** The job was recorded as RUNNING but nothing runs it any more: it is now CANCELLED. */
    CANCELLED,
    /** The job had already ended; nothing changed. */
    ALREADY_FINISHED
  }

  public CancelJobResult {
    Objects.requireNonNull(job, "job is null");
    Objects.requireNonNull(outcome, "outcome is null");
  }
}
