package io.mmq.core.training.service;

import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.out.TaskSets;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.JobKind;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.port.in.CancelJobResult;
import io.mmq.core.training.port.in.CancelJobUseCase;
import io.mmq.core.training.port.in.GetJobUseCase;
import io.mmq.core.training.port.in.ListJobsUseCase;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainModelResult;
import io.mmq.core.training.port.in.TrainModelUseCase;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.core.training.port.out.TrainingJobs;
import io.mmq.core.validation.policy.ValidationPolicy;
import io.mmq.core.validation.service.ModelEvaluator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains on a window's labelled resources with the current task set, and reads and cancels jobs.
 * The window's resources are split by {@link HoldoutSplit} (the command's seed and validation
 * fraction) into training and validation examples; the run itself is {@link ModelTraining}'s.
 * A trained model is then evaluated on the held-out examples with the validation policy
 * (coincidence accuracy and per-task metrics, as R8 measures a model), in the result's {@code
 * heldOut}.
 */
public final class TrainingService
    implements TrainModelUseCase, GetJobUseCase, ListJobsUseCase, CancelJobUseCase {
  private final Labels labels;
  private final Resources resources;
  private final TaskSets taskSets;
  private final ModelRegistry registry;
  private final TrainingJobs jobs;
  private final ModelTraining training;
  private final QualityModelLoader loader;
  private final ValidationPolicy validationPolicy;

  public TrainingService(
      Labels labels,
      Resources resources,
      TaskSets taskSets,
      ModelRegistry registry,
      TrainingJobs jobs,
      ModelTraining training,
      QualityModelLoader loader,
      ValidationPolicy validationPolicy) {
    this.labels = Objects.requireNonNull(labels, "labels is null");
    this.resources = Objects.requireNonNull(resources, "resources is null");
    this.taskSets = Objects.requireNonNull(taskSets, "taskSets is null");
    this.registry = Objects.requireNonNull(registry, "registry is null");
    this.jobs = Objects.requireNonNull(jobs, "jobs is null");
    this.training = Objects.requireNonNull(training, "training is null");
    this.loader = Objects.requireNonNull(loader, "loader is null");
    this.validationPolicy = Objects.requireNonNull(validationPolicy, "validationPolicy is null");
  }

  @Override
  public TrainModelResult train(TrainModelCommand command, TrainingObserver observer) {
    Objects.requireNonNull(command, "command is null");
    Objects.requireNonNull(observer, "observer is null");
    TaskSet tasks = taskSets.current();
    Optional<ModelRecord> base =
        command.fineTuneFrom().map(
            version ->
                registry
                    .find(version)
                    .orElseThrow(
                        () -> new NotFoundException(
                            "model " + version + " to fine-tune from not found")));
    HoldoutSplit split = new HoldoutSplit(command.seed(), command.validationFraction());
    TrainingRequest request =
        new TrainingRequest(
            JobKind.TRAIN,
            command.window(),
            tasks,
            LabelledExamples.kept(labels, resources, command.window(), tasks, split),
            LabelledExamples.heldOut(labels, resources, command.window(), tasks, split),
            command.config(),
            base,
            command.activateIfNone()
                ? TrainingRequest.Activation.IF_NONE_ACTIVE
                : TrainingRequest.Activation.NEVER);
    TrainModelResult result = training.run(request, observer);
    if (!result.succeeded() || result.validationExamples() == 0) {
      return result;
    }
    ModelRecord model = result.model().orElseThrow();
    try (QualityModel loaded = loader.load(registry.loadArtifact(model.version()))) {
      return result.withHeldOut(
          ModelEvaluator.heldOut(loaded, request.validation(), command.window(), validationPolicy));
    }
  }

  @Override
  public TrainingJob get(JobId id) {
    Objects.requireNonNull(id, "id is null");
    return jobs.find(id)
        .orElseThrow(() -> new NotFoundException("training job '" + id + "' not found"));
  }

  @Override
  public List<TrainingJob> list() {
    return jobs.list();
  }

  @Override
  public CancelJobResult cancel(JobId id) {
    return training.cancel(id);
  }
}
