package io.mmq.core.training.port.in;

import io.mmq.core.common.Checks;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.model.TrainingJob;
import java.util.Objects;
import java.util.Optional;

/**
 * How a training run ended: the job as recorded (SUCCEEDED or CANCELLED), the registered model
 * when it succeeded, whether that model was made active (only when no model was active), and how
 * many training and validation examples it saw.
 */
public record TrainModelResult(
    TrainingJob job,
    Optional<ModelRecord> model,
    boolean activated,
    long trainingExamples,
    long validationExamples) {

  public TrainModelResult {
    Objects.requireNonNull(job, "job is null");
    Objects.requireNonNull(model, "model is null");
    Checks.requireNonNegative(trainingExamples, "trainingExamples");
    Checks.requireNonNegative(validationExamples, "validationExamples");
    if ((job.state() == JobState.SUCCEEDED) != model.isPresent()) {
      throw new IllegalArgumentException(
          "a " + job.state() + " job " + (model.isPresent() ? "has no" : "needs a") + " model");
    }
    if (activated && model.isEmpty()) {
      throw new IllegalArgumentException("activated without a model");
    }
  }

  public boolean succeeded() {
    return job.state() == JobState.SUCCEEDED;
  }
}
