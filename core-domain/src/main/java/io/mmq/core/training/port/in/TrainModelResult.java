package io.mmq.core.training.port.in;

import io.mmq.core.common.Checks;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.model.StopReason;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.validation.model.HeldOutEvaluation;
import java.util.Objects;
import java.util.Optional;

/**
 * How a training run ended: the job as recorded (SUCCEEDED or CANCELLED), the registered model
 * when it succeeded, whether that model was made active (only when no model was active), how many
 * training and validation examples it saw, why the trainer stopped (when it succeeded) and the
 * held-out evaluation of the model (when there was one).
 */
public record TrainModelResult(
    TrainingJob job,
    Optional<ModelRecord> model,
    boolean activated,
    long trainingExamples,
    long validationExamples,
    Optional<StopReason> stopReason,
    Optional<HeldOutEvaluation> heldOut) {

  public TrainModelResult {
    Objects.requireNonNull(heldOut, "heldOut is null");
    Objects.requireNonNull(job, "job is null");
    Objects.requireNonNull(model, "model is null");
    Objects.requireNonNull(stopReason, "stopReason is null");
    Checks.requireNonNegative(trainingExamples, "trainingExamples");
    Checks.requireNonNegative(validationExamples, "validationExamples");
    if ((job.state() == JobState.SUCCEEDED) != model.isPresent()) {
      throw new IllegalArgumentException(
          "a " + job.state() + " job " + (model.isPresent() ? "has no" : "needs a") + " model");
    }
    if (activated && model.isEmpty()) {
      throw new IllegalArgumentException("activated without a model");
    }
    if (heldOut.isPresent() && model.isEmpty()) {
      throw new IllegalArgumentException("a held-out evaluation without a model");
    }
    if (stopReason.isPresent() != model.isPresent()) {
      throw new IllegalArgumentException(
          "a stop reason goes with a model, and a model with a stop reason");
    }
  }

  /** A result without a held-out evaluation (cancelled, or before the model was evaluated). */
  public TrainModelResult(
      TrainingJob job,
      Optional<ModelRecord> model,
      boolean activated,
      long trainingExamples,
      long validationExamples,
      Optional<StopReason> stopReason) {
    this(
        job, model, activated, trainingExamples, validationExamples, stopReason, Optional.empty());
  }

  public TrainModelResult withHeldOut(HeldOutEvaluation evaluation) {
    return new TrainModelResult(
        job, model, activated, trainingExamples, validationExamples, stopReason,
        Optional.of(evaluation));
  }

  public boolean succeeded() {
    return job.state() == JobState.SUCCEEDED;
  }
}
