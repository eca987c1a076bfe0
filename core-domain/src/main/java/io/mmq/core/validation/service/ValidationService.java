package io.mmq.core.validation.service;

import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.telemetry.Telemetry;
import io.mmq.core.training.model.ExampleSource;
import io.mmq.core.training.model.JobKind;
import io.mmq.core.training.model.TrainingConfig;
import io.mmq.core.training.port.in.TrainModelResult;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.core.training.service.HoldoutSplit;
import io.mmq.core.training.service.LabelledExamples;
import io.mmq.core.training.service.ModelTraining;
import io.mmq.core.training.service.TrainingRequest;
import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.model.TaskMetrics;
import io.mmq.core.validation.model.ValidationRun;
import io.mmq.core.validation.policy.PromotionPolicy;
import io.mmq.core.validation.policy.PromotionVerdict;
import io.mmq.core.validation.policy.ValidationOutcome;
import io.mmq.core.validation.policy.ValidationPolicy;
import io.mmq.core.validation.port.in.ModelUpdate;
import io.mmq.core.validation.port.in.ValidateModelCommand;
import io.mmq.core.validation.port.in.ValidateModelResult;
import io.mmq.core.validation.port.in.ValidateModelUseCase;
import io.mmq.core.validation.port.out.ValidationRuns;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Validates the active model on a window and updates it when asked (see {@link
 * ValidateModelUseCase}). The window's resources are split by {@link HoldoutSplit} (seed, holdout
 * fraction): held-out resources only judge the candidate; of the rest, a further fifth (by seed +
 * 1) is the trainer's early-stopping set and the remainder, with the sampled replay of older
 * windows (never a held-out resource), is the fine-tuning set. The whole window is used for the
 * validation figures themselves. Every recorded run is reported to the {@link Telemetry}.
 */
public final class ValidationService implements ValidateModelUseCase {
  private static final double EARLY_STOPPING_FRACTION = 0.2;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Labels labels;
  private final Resources resources;
  private final ModelRegistry registry;
  private final ValidationRuns runs;
  private final ActiveModelHolder models;
  private final QualityModelLoader loader;
  private final ModelTraining training;
  private final ValidationPolicy validationPolicy;
  private final PromotionPolicy promotionPolicy;
  private final Clock clock;
  private final Telemetry telemetry;

  public ValidationService(
      Labels labels,
      Resources resources,
      ModelRegistry registry,
      ValidationRuns runs,
      ActiveModelHolder models,
      QualityModelLoader loader,
      ModelTraining training,
      ValidationPolicy validationPolicy,
      PromotionPolicy promotionPolicy,
      Clock clock,
      Telemetry telemetry) {
    this.labels = Objects.requireNonNull(labels, "labels is null");
    this.resources = Objects.requireNonNull(resources, "resources is null");
    this.registry = Objects.requireNonNull(registry, "registry is null");
    this.runs = Objects.requireNonNull(runs, "runs is null");
    this.models = Objects.requireNonNull(models, "models is null");
    this.loader = Objects.requireNonNull(loader, "loader is null");
    this.training = Objects.requireNonNull(training, "training is null");
    this.validationPolicy = Objects.requireNonNull(validationPolicy, "validationPolicy is null");
    this.promotionPolicy = Objects.requireNonNull(promotionPolicy, "promotionPolicy is null");
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry is null");
  }

  @Override
  public ValidateModelResult validate(ValidateModelCommand command, TrainingObserver observer) {
    Objects.requireNonNull(command, "command is null");
    Objects.requireNonNull(observer, "observer is null");
    Instant ranAt = clock.instant();
    TimeWindow window = command.window();
    Evaluated evaluation =
        models.withActiveModel(
            (record, model) -> new Evaluated(record, evaluate(model, window, all())));
    ModelRecord active = evaluation.record();
    if (!(evaluation.result().outcome() instanceof ValidationOutcome.Evaluated evaluated)) {
      throw new PreconditionFailedException(
          "no labelled resource of the catalogue in window " + window
              + " has a task that model " + active.version()
              + " predicts: ingest the resources and derive labels for this window first");
    }
    Map<TaskName, TaskMetrics> tasks = evaluation.result().tasks();
    if (!command.update() || evaluated.decision() == Decision.KEEP) {
      return new ValidateModelResult(
          save(ranAt, active, window, evaluated, tasks, evaluated.decision(), Optional.empty()),
          Optional.empty(),
          evaluation.result().scored());
    }
    ModelUpdate update;
    try {
      update = update(command, active, observer);
    } catch (RuntimeException e) {
      save(ranAt, active, window, evaluated, tasks, Decision.UPDATE, Optional.empty());
      throw e;
    }
    Decision decision = update.verdict().map(PromotionVerdict::decision).orElse(Decision.UPDATE);
    ValidationRun run =
        save(ranAt, active, window, evaluated, tasks, decision,
            update.training().model().map(ModelRecord::version));
    return new ValidateModelResult(run, Optional.of(update), evaluation.result().scored());
  }

  /** An evaluation with the record of the model that made it. */
  private record Evaluated(ModelRecord record, ModelEvaluator.Evaluation result) {}

  private ModelUpdate update(
      ValidateModelCommand command, ModelRecord active, TrainingObserver observer) {
    TimeWindow window = command.window();
    TaskSet tasks = active.tasks();
    HoldoutSplit holdout = new HoldoutSplit(command.seed(), command.holdoutFraction());
    HoldoutSplit earlyStopping = new HoldoutSplit(command.seed() + 1, EARLY_STOPPING_FRACTION);
    HoldoutSplit replay = new HoldoutSplit(command.seed() + 2, command.replayFraction());
    Predicate<LabelledResource> notHeldOut = labelled -> !holdout.isHeldOut(labelled.resourceId());
    ExampleSource fineTuning =
        examples(window, tasks, notHeldOut.and(l -> !earlyStopping.isHeldOut(l.resourceId())));
    ExampleSource stopping =
        examples(window, tasks, notHeldOut.and(l -> earlyStopping.isHeldOut(l.resourceId())));
    Optional<TimeWindow> older = olderRange(window);
    if (older.isPresent()) {
      fineTuning =
          LabelledExamples.concat(
              fineTuning,
              examples(older.get(), tasks, notHeldOut.and(l -> replay.isHeldOut(l.resourceId()))));
    }
    TrainModelResult result =
        training.run(
            new TrainingRequest(
                JobKind.VALIDATION_UPDATE, window, tasks, fineTuning, stopping,
                new TrainingConfig(command.seed(), command.hyperparameters()),
                Optional.of(active), TrainingRequest.Activation.NEVER),
            observer);
    if (!result.succeeded()) {
      return new ModelUpdate(result, Map.of(), Map.of(), Optional.empty());
    }
    ModelRecord candidate = result.model().orElseThrow();
    ExampleSource heldOut = examples(window, tasks, labelled -> holdout.isHeldOut(labelled.resourceId()));
    Map<TaskName, TaskMetrics> candidateMetrics;
    try (QualityModel model = loader.load(registry.loadArtifact(candidate.version()))) {
      candidateMetrics = evaluate(model, window, heldOut).tasks();
    }
    Evaluated serving =
        models.withActiveModel((record, model) -> new Evaluated(record, evaluate(model, window, heldOut)));
    Map<TaskName, TaskMetrics> activeMetrics = serving.result().tasks();
    PromotionVerdict verdict = promotionPolicy.decide(candidateMetrics, activeMetrics);
    if (verdict instanceof PromotionVerdict.Promote && !serving.record().version().equals(active.version())) {
      // someone promoted or rolled back while the candidate was fine-tuned from the old model
      verdict =
          new PromotionVerdict.Reject(
              verdict.candidateAuc(), verdict.activeAuc(), verdict.comparedTasks(),
              "the active model changed from " + active.version() + " to " + serving.record().version()
                  + " during the update; the candidate, fine-tuned from " + active.version()
                  + ", does not replace it");
    }
    if (verdict instanceof PromotionVerdict.Promote) {
      Instant activatedAt = clock.instant();
      models.activate(candidate, () -> registry.activate(candidate.version(), activatedAt));
    }
    return new ModelUpdate(result, candidateMetrics, activeMetrics, Optional.of(verdict));
  }

  /** From the start of the oldest labelled window to the start of this one, if any lies before. */
  private Optional<TimeWindow> olderRange(TimeWindow window) {
    return labels.windows().stream()
        .filter(stored -> !stored.end().isAfter(window.start()))
        .map(TimeWindow::start)
        .min(Instant::compareTo)
        .map(start -> TimeWindow.of(start, window.start()));
  }

  private ExampleSource examples(
      TimeWindow range, TaskSet tasks, Predicate<LabelledResource> filter) {
    return new LabelledExamples(labels, resources, range, tasks, filter);
  }

  private static Predicate<LabelledResource> all() {
    return labelled -> true;
  }

  private ModelEvaluator.Evaluation evaluate(
      QualityModel model, TimeWindow window, ExampleSource examples) {
    return ModelEvaluator.evaluate(model, examples, window, validationPolicy);
  }

  private ModelEvaluator.Evaluation evaluate(
      QualityModel model, TimeWindow window, Predicate<LabelledResource> filter) {
    return evaluate(model, window, examples(window, model.tasks(), filter));
  }

  private ValidationRun save(
      Instant ranAt,
      ModelRecord active,
      TimeWindow window,
      ValidationOutcome.Evaluated evaluated,
      Map<TaskName, TaskMetrics> tasks,
      Decision decision,
      Optional<ModelVersion> candidate) {
    ValidationRun run =
        new ValidationRun(
            "v-" + STAMP.format(ranAt) + "-" + UUID.randomUUID().toString().substring(0, 8),
            active.version(),
            window,
            evaluated.evaluated(),
            evaluated.accurate(),
            evaluated.accuracy(),
            validationPolicy.coincidenceThreshold(),
            validationPolicy.accuracyThreshold(),
            tasks,
            decision,
            candidate,
            ranAt);
    runs.save(run);
    telemetry.validation(run.modelVersion(), run.accuracy(), run.decision());
    return run;
  }
}
