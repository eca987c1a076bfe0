package io.mmq.core.training.service;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.training.model.ExampleSource;
import io.mmq.core.training.model.JobKind;
import io.mmq.core.training.model.TrainingConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * One run for {@link ModelTraining}: the kind of job, the data window recorded in the job and the
 * provenance, the tasks, the example sources, the trainer's configuration, the model to fine-tune
 * from, and whether the result may become active.
 */
public record TrainingRequest(
    JobKind kind,
    TimeWindow window,
    TaskSet tasks,
    ExampleSource training,
    ExampleSource validation,
    TrainingConfig config,
    Optional<ModelRecord> fineTuneFrom,
    Activation activation) {

  /** What happens to the new model once registered. */
  public enum Activation {
    /** It becomes ACTIVE when no model is active; otherwise it stays a CANDIDATE. */
    IF_NONE_ACTIVE,
    /** It stays a CANDIDATE; someone else decides (promotion policy, an operator). */
    NEVER
  }

  public TrainingRequest {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(tasks, "tasks is null");
    Objects.requireNonNull(training, "training is null");
    Objects.requireNonNull(validation, "validation is null");
    Objects.requireNonNull(config, "config is null");
    Objects.requireNonNull(fineTuneFrom, "fineTuneFrom is null");
    Objects.requireNonNull(activation, "activation is null");
  }
}
