package io.mmq.grpc.mapping;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.policy.LabellingSummary;
import io.mmq.core.label.policy.QualityLevels;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.port.in.TaskLabelCounts;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.training.model.StopReason;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.training.port.in.TrainModelResult;
import io.mmq.core.validation.model.HeldOutEvaluation;
import io.mmq.core.validation.model.TaskMetrics;
import io.mmq.core.validation.model.ValidationRun;
import io.mmq.core.validation.policy.PromotionVerdict;
import io.mmq.core.validation.port.in.ModelUpdate;
import io.mmq.proto.v1.Decision;
import io.mmq.proto.v1.DeriveLabelsRequest;
import io.mmq.proto.v1.DeriveLabelsResponse;
import io.mmq.proto.v1.Evaluation;
import io.mmq.proto.v1.Job;
import io.mmq.proto.v1.JobKind;
import io.mmq.proto.v1.JobState;
import io.mmq.proto.v1.TaskEvaluation;
import io.mmq.proto.v1.TrainProgress;
import io.mmq.proto.v1.UpdateOutcome;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the core's training, validation and labelling results to {@code mmq.v1} messages. Counts are
 * clamped to {@code int32}. Figures the core does not produce are NaN (never a made-up 0).
 */
public final class TrainingMapper {
  /** The held-out comparison metric of an update (the promotion policy compares mean AUCs). */
  public static final String HOLDOUT_METRIC = "mean_auc";

  private TrainingMapper() {}

  /**
   * The command of a {@code DeriveLabels} request over an already checked window: {@code levels}
   * 0 = none, else in [2, {@value QualityLevels#MAX_LEVELS}]; {@code level_width} 0 = one standard
   * deviation, else finite, &gt; 0 and only with levels; {@code dry_run} as given.
   *
   * @throws InvalidFieldException naming {@code levels} or {@code levelWidth}
   */
  public static DeriveLabelsCommand toDomain(TimeWindow window, DeriveLabelsRequest request) {
    int levels = request.getLevels();
    double width = request.getLevelWidth();
    if (levels != 0 && (levels < 2 || levels > QualityLevels.MAX_LEVELS)) {
      throw new InvalidFieldException(
          "levels",
          "must be 0 (none) or in [2, " + QualityLevels.MAX_LEVELS + "], was " + levels);
    }
    if (width != 0 && !(Double.isFinite(width) && width > 0)) {
      throw new InvalidFieldException(
          "levelWidth", "must be a finite number > 0 (0 = 1.0), was " + width);
    }
    if (width != 0 && levels == 0) {
      throw new InvalidFieldException(
          "levelWidth", "goes with levels: give levels in [2, " + QualityLevels.MAX_LEVELS + "]");
    }
    DeriveLabelsCommand command = new DeriveLabelsCommand(window).withDryRun(request.getDryRun());
    return levels == 0
        ? command
        : command.withLevels(QualityLevels.of(levels, width == 0 ? 1.0 : width));
  }

  public static DeriveLabelsResponse toProto(DeriveLabelsResult result) {
    var builder =
        DeriveLabelsResponse.newBuilder()
            .setWindow(EngagementMapper.toProto(result.window()))
            .setResources(clamp(result.records()))
            .setDryRun(result.dryRun());
    // one labelled record window: its references are the range's; several: no single reference
    Optional<LabellingSummary> only =
        result.windows().size() == 1 ? Optional.of(result.windows().get(0)) : Optional.empty();
    for (Map.Entry<TaskName, TaskLabelCounts> task : result.tasks().entrySet()) {
      Optional<LabellingSummary.TaskCounts> counts =
          only.map(summary -> summary.tasks().get(task.getKey()));
      builder.putTasks(
          task.getKey().value(),
          io.mmq.proto.v1.TaskLabelCounts.newBuilder()
              .setPositive(clamp(task.getValue().positive()))
              .setNegative(clamp(task.getValue().negative()))
              .setMasked(clamp(task.getValue().unlabelled()))
              .setReferenceValue(
                  counts.map(c -> c.reference().orElse(Double.NaN)).orElse(Double.NaN))
              .setReferenceDegree(
                  counts.map(c -> c.referenceDegree().orElse(Double.NaN)).orElse(Double.NaN))
              .addAllLevelCounts(task.getValue().levelCounts())
              .build());
    }
    return builder.build();
  }

  /**
   * A progress report as a {@code Step}; the joint loss is the task-weighted sum of the reported
   * per-task losses (tasks without a loss, i.e. masked, excluded).
   */
  public static TrainProgress.Step toProto(TrainingProgress progress, TaskSet tasks) {
    var step =
        TrainProgress.Step.newBuilder().setStep(progress.step()).setMaxSteps(progress.totalSteps());
    double joint = 0;
    for (Map.Entry<TaskName, Double> loss : progress.taskLoss().entrySet()) {
      step.putTaskLoss(loss.getKey().value(), loss.getValue());
      joint += tasks.find(loss.getKey()).map(Task::weight).orElse(1.0) * loss.getValue();
    }
    progress.validationAuc().forEach((task, auc) -> step.putTaskValidationAuc(task.value(), auc));
    return step.setLoss(joint).build();
  }

  /**
   * Why a training stopped, as {@code TrainProgress.Finished.stop_reason} says it, after the
   * setting that stopped it: {@code max_steps}, {@code loss_threshold} or {@code early_stopping}
   * ({@code early_stopping_patience}).
   */
  public static String stopReason(StopReason reason) {
    return switch (reason) {
      case STEP_CAP -> "max_steps";
      case CONVERGED -> "loss_threshold";
      case EARLY_STOPPED -> "early_stopping";
    };
  }

  /**
   * The held-out figures a trainer recorded in a model's provenance metrics ({@code <task>.auc},
   * {@code .accuracy}, {@code .labelled}, {@code .positiveRate}, {@code .logLoss}, {@code
   * .calibrationError}, and {@code evaluated}) as an evaluation. The resource-level coincidence
   * figures (accuracy, accurate, thresholds) are not measured by training: NaN / 0.
   */
  public static Evaluation trainingEvaluation(
      ModelRecord model, long fallbackEvaluated, Decision decision) {
    Map<String, Double> metrics = model.provenance().metrics();
    var builder =
        Evaluation.newBuilder()
            .setModelVersion(model.version().value())
            .setEvaluated(
                clamp(
                    metrics.containsKey("evaluated")
                        ? metrics.get("evaluated").longValue()
                        : fallbackEvaluated))
            .setAccuracy(Double.NaN)
            .setCoincidenceThreshold(Double.NaN)
            .setAccuracyThreshold(Double.NaN)
            .setDecision(decision)
            .setWindow(EngagementMapper.toProto(model.provenance().dataWindow()))
            .setEvaluatedAt(Timestamps.toProto(model.createdAt()));
    for (TaskName task : model.tasks().names()) {
      String prefix = task.value() + ".";
      if (metrics.keySet().stream().noneMatch(key -> key.startsWith(prefix))) {
        continue;
      }
      builder.putTasks(
          task.value(),
          TaskEvaluation.newBuilder()
              .setAuc(metrics.getOrDefault(prefix + "auc", Double.NaN))
              .setAccuracy(metrics.getOrDefault(prefix + "accuracy", Double.NaN))
              .setLabelled(clamp(metrics.getOrDefault(prefix + "labelled", 0.0).longValue()))
              .setPositiveRate(metrics.getOrDefault(prefix + "positiveRate", Double.NaN))
              .setLogLoss(metrics.getOrDefault(prefix + "logLoss", Double.NaN))
              .setCalibrationError(metrics.getOrDefault(prefix + "calibrationError", Double.NaN))
              .build());
    }
    return builder.build();
  }

  /**
   * The evaluation at the end of a training: the held-out evaluation the core measured
   * (coincidence accuracy with its threshold, per-task metrics from the model's own predictions)
   * when there is one, else the trainer's recorded metrics as {@link #trainingEvaluation(ModelRecord,
   * long, Decision)} reads them. Training decides nothing about accuracy: the accuracy threshold
   * stays NaN.
   */
  public static Evaluation trainingEvaluation(TrainModelResult result, Decision decision) {
    ModelRecord model = result.model().orElseThrow();
    Evaluation recorded = trainingEvaluation(model, result.validationExamples(), decision);
    if (result.heldOut().isEmpty()) {
      return recorded;
    }
    HeldOutEvaluation heldOut = result.heldOut().get();
    var builder =
        recorded.toBuilder()
            .setEvaluated(clamp(heldOut.evaluated()))
            .setAccurate(clamp(heldOut.accurate()))
            .setAccuracy(heldOut.accuracy())
            .setCoincidenceThreshold(heldOut.coincidenceThreshold())
            .clearTasks();
    heldOut.tasks().forEach((task, metrics) -> builder.putTasks(task.value(), toProto(metrics)));
    return builder.build();
  }

  /** A recorded validation run, with what its update did when there was one. */
  public static Evaluation toProto(ValidationRun run, Optional<ModelUpdate> update) {
    var builder =
        Evaluation.newBuilder()
            .setModelVersion(run.modelVersion().value())
            .setEvaluated(clamp(run.evaluated()))
            .setAccurate(clamp(run.accurate()))
            .setAccuracy(run.accuracy())
            .setCoincidenceThreshold(run.coincidenceThreshold())
            .setAccuracyThreshold(run.accuracyThreshold())
            .setDecision(Decision.valueOf(run.decision().name()))
            .setWindow(EngagementMapper.toProto(run.window()))
            .setRunId(run.id())
            .setEvaluatedAt(Timestamps.toProto(run.ranAt()));
    run.tasks().forEach((task, metrics) -> builder.putTasks(task.value(), toProto(metrics)));
    if (update.isPresent()) {
      ModelUpdate made = update.get();
      var outcome = UpdateOutcome.newBuilder().setJobId(made.training().job().id().value());
      made.training()
          .model()
          .ifPresent(model -> outcome.setCandidateVersion(model.version().value()));
      outcome
          .setHoldoutMetric(HOLDOUT_METRIC)
          .setActiveHoldoutValue(made.verdict().map(PromotionVerdict::activeAuc).orElse(Double.NaN))
          .setCandidateHoldoutValue(
              made.verdict().map(PromotionVerdict::candidateAuc).orElse(Double.NaN));
      builder.setUpdate(outcome);
    } else if (run.candidate().isPresent()) {
      builder.setUpdate(
          UpdateOutcome.newBuilder().setCandidateVersion(run.candidate().get().value()));
    }
    return builder.build();
  }

  public static TaskEvaluation toProto(TaskMetrics metrics) {
    return TaskEvaluation.newBuilder()
        .setAuc(metrics.auc())
        .setAccuracy(metrics.accuracy())
        .setLabelled(clamp(metrics.labelled()))
        .setPositiveRate(metrics.positiveRate())
        .setLogLoss(metrics.logLoss())
        .setCalibrationError(metrics.calibrationError())
        .build();
  }

  /**
   * A recorded job. The core runs a job as soon as it is recorded (never QUEUED; started at
   * creation) and does not record its request, which stays unset; a job recorded without its kind
   * has JOB_KIND_UNSPECIFIED.
   */
  public static Job toProto(
      TrainingJob job, boolean cancelRequested, Optional<Evaluation> evaluation) {
    var builder =
        Job.newBuilder()
            .setJobId(job.id().value())
            .setKind(job.kind().map(TrainingMapper::toProto).orElse(JobKind.JOB_KIND_UNSPECIFIED))
            .setState(toProto(job.state()))
            .setWindow(EngagementMapper.toProto(job.window()))
            .setCreatedAt(Timestamps.toProto(job.createdAt()))
            .setStartedAt(Timestamps.toProto(job.createdAt()))
            .setCancelRequested(cancelRequested && !job.state().isFinal());
    if (job.state().isFinal()) {
      builder.setFinishedAt(Timestamps.toProto(job.updatedAt()));
    }
    if (job.step() > 0) {
      builder.setLastStep(
          TrainProgress.Step.newBuilder().setStep(job.step()).setMaxSteps(job.totalSteps()));
    }
    job.result().ifPresent(version -> builder.setModelVersion(version.value()));
    if (job.state() == io.mmq.core.training.model.JobState.FAILED) {
      job.error().ifPresent(builder::setError);
    }
    evaluation.ifPresent(builder::setEvaluation);
    return builder.build();
  }

  public static JobKind toProto(io.mmq.core.training.model.JobKind kind) {
    return switch (kind) {
      case TRAIN -> JobKind.TRAIN;
      case VALIDATION_UPDATE -> JobKind.VALIDATION_UPDATE;
    };
  }

  public static JobState toProto(io.mmq.core.training.model.JobState state) {
    return switch (state) {
      case RUNNING -> JobState.RUNNING;
      case SUCCEEDED -> JobState.SUCCEEDED;
      case FAILED -> JobState.FAILED;
      case CANCELLED -> JobState.CANCELLED;
    };
  }

  /** A count as an {@code int32}, clamped. */
  public static int clamp(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
