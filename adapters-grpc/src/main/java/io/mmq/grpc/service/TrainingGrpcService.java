package io.mmq.grpc.service;

import io.grpc.stub.StreamObserver;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.port.in.DeriveLabelsUseCase;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.in.GetModelUseCase;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.in.GetTaskSetUseCase;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.port.in.CancelJobResult;
import io.mmq.core.training.port.in.CancelJobUseCase;
import io.mmq.core.training.port.in.GetJobUseCase;
import io.mmq.core.training.port.in.ListJobsUseCase;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainModelResult;
import io.mmq.core.training.port.in.TrainModelUseCase;
import io.mmq.core.validation.port.in.ListValidationRunsUseCase;
import io.mmq.core.validation.port.in.ValidateModelCommand;
import io.mmq.core.validation.port.in.ValidateModelResult;
import io.mmq.core.validation.port.in.ValidateModelUseCase;
import io.mmq.grpc.mapping.EngagementMapper;
import io.mmq.grpc.mapping.HyperparameterMapper;
import io.mmq.grpc.mapping.InvalidFieldException;
import io.mmq.grpc.mapping.TaskSetMapper;
import io.mmq.grpc.mapping.TrainingMapper;
import io.mmq.proto.v1.CancelJobRequest;
import io.mmq.proto.v1.Decision;
import io.mmq.proto.v1.DeriveLabelsRequest;
import io.mmq.proto.v1.DeriveLabelsResponse;
import io.mmq.proto.v1.Evaluation;
import io.mmq.proto.v1.GetJobRequest;
import io.mmq.proto.v1.Job;
import io.mmq.proto.v1.JobState;
import io.mmq.proto.v1.ListJobsRequest;
import io.mmq.proto.v1.ListJobsResponse;
import io.mmq.proto.v1.ListValidationRunsRequest;
import io.mmq.proto.v1.ListValidationRunsResponse;
import io.mmq.proto.v1.TrainProgress;
import io.mmq.proto.v1.TrainRequest;
import io.mmq.proto.v1.TrainingServiceGrpc;
import io.mmq.proto.v1.ValidateRequest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * {@code mmq.v1.TrainingService}: label derivation, training with streamed progress, validation and
 * jobs. Trainings and validation updates run on the call's thread and stop when the call is
 * cancelled or its deadline passes (the job then ends CANCELLED and the active model is kept).
 * Request options the core cannot honour are rejected with INVALID_ARGUMENT naming the field.
 */
final class TrainingGrpcService extends TrainingServiceGrpc.TrainingServiceImplBase {
  private final DeriveLabelsUseCase deriveLabels;
  private final TrainModelUseCase train;
  private final ValidateModelUseCase validate;
  private final ListValidationRunsUseCase validationRuns;
  private final GetJobUseCase getJob;
  private final CancelJobUseCase cancelJob;
  private final ListJobsUseCase listJobs;
  private final GetModelUseCase models;
  private final GetTaskSetUseCase taskSets;
  private final LongSupplier seeds;
  private final LongSupplier nanoTime;

  @Inject
  TrainingGrpcService(
      DeriveLabelsUseCase deriveLabels,
      TrainModelUseCase train,
      ValidateModelUseCase validate,
      ListValidationRunsUseCase validationRuns,
      GetJobUseCase getJob,
      CancelJobUseCase cancelJob,
      ListJobsUseCase listJobs,
      GetModelUseCase models,
      GetTaskSetUseCase taskSets) {
    this(
        deriveLabels,
        train,
        validate,
        validationRuns,
        getJob,
        cancelJob,
        listJobs,
        models,
        taskSets,
        () -> ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE),
        System::nanoTime);
  }

  /**
   * With the source of the seeds the server picks and the clock that Train's throughput ({@code
   * Step.examples_per_second}) is measured with.
   */
  TrainingGrpcService(
      DeriveLabelsUseCase deriveLabels,
      TrainModelUseCase train,
      ValidateModelUseCase validate,
      ListValidationRunsUseCase validationRuns,
      GetJobUseCase getJob,
      CancelJobUseCase cancelJob,
      ListJobsUseCase listJobs,
      GetModelUseCase models,
      GetTaskSetUseCase taskSets,
      LongSupplier seeds,
      LongSupplier nanoTime) {
    this.deriveLabels = Objects.requireNonNull(deriveLabels, "deriveLabels is null");
    this.train = Objects.requireNonNull(train, "train is null");
    this.validate = Objects.requireNonNull(validate, "validate is null");
    this.validationRuns = Objects.requireNonNull(validationRuns, "validationRuns is null");
    this.getJob = Objects.requireNonNull(getJob, "getJob is null");
    this.cancelJob = Objects.requireNonNull(cancelJob, "cancelJob is null");
    this.listJobs = Objects.requireNonNull(listJobs, "listJobs is null");
    this.models = Objects.requireNonNull(models, "models is null");
    this.taskSets = Objects.requireNonNull(taskSets, "taskSets is null");
    this.seeds = Objects.requireNonNull(seeds, "seeds is null");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime is null");
  }

  @Override
  public void deriveLabels(
      DeriveLabelsRequest request, StreamObserver<DeriveLabelsResponse> response) {
    Calls.unary(
        response,
        () -> {
          TimeWindow window = window(request.hasWindow(), request.getWindow());
          if (request.hasTaskSet()) {
            TaskSet given =
                RequestFields.mapUnder(
                    "taskSet", () -> TaskSetMapper.toDomain(request.getTaskSet()));
            if (!given.equals(taskSets.current())) {
              throw new InvalidFieldException(
                  "taskSet",
                  "deriving with a task set other than the current one is not supported: set it"
                      + " with CatalogService.SetTaskSet first");
            }
          }
          return TrainingMapper.toProto(
              deriveLabels.derive(TrainingMapper.toDomain(window, request)));
        });
  }

  @Override
  public void train(TrainRequest request, StreamObserver<TrainProgress> response) {
    if (Calls.endedByCancel(response)) {
      return;
    }
    HyperparameterMapper.Overrides overrides = HyperparameterMapper.Overrides.NONE;
    TrainModelResult result;
    CallObserver observer;
    try {
      TimeWindow window = window(request.hasWindow(), request.getWindow());
      long seed = request.hasSeed() ? request.getSeed() : seeds.getAsLong();
      overrides = overrides(request.hasHyperparameters(), request.getHyperparameters());
      if (overrides.replayFraction().isPresent()) {
        throw new InvalidFieldException(
            "hyperparameters.replayFraction",
            "replay is not supported by Train: it applies to the update of Validate");
      }
      TrainModelCommand command =
          TrainModelCommand.of(window, seed)
              .withHyperparameters(overrides.trainer())
              .withValidationFraction(fraction(overrides))
              .withActivateIfNone(!request.hasActivateIfNone() || request.getActivateIfNone());
      if (request.hasFineTuneFrom()) {
        command = command.fineTuning(RequestFields.modelVersion(request.getFineTuneFrom(), "fineTuneFrom"));
      }
      observer =
          CallObserver.streaming(
              new CallObserver.Stream(response, window, seed, taskSets.current(), nanoTime));
      result = train.train(command, observer);
    } catch (IllegalArgumentException e) {
      response.onError(StatusMapper.toStatus(hyperparameterError(e, overrides)));
      return;
    } catch (RuntimeException | Error e) {
      response.onError(StatusMapper.toStatus(e));
      return;
    }
    if (!result.succeeded()) {
      response.onError(observer.cancelledStatus(result.job().id().value()));
      return;
    }
    ModelRecord model = result.model().orElseThrow();
    response.onNext(
        TrainProgress.newBuilder()
            .setFinished(
                TrainProgress.Finished.newBuilder()
                    .setEvaluation(
                        TrainingMapper.trainingEvaluation(
                            result, result.activated() ? Decision.PROMOTED : Decision.KEEP))
                    .setModelVersion(model.version().value())
                    .setActivated(result.activated())
                    .setStopReason(TrainingMapper.stopReason(result.stopReason().orElseThrow())))
            .build());
    response.onCompleted();
  }

  @Override
  public void validate(ValidateRequest request, StreamObserver<Evaluation> response) {
    Calls.unary(
        response,
        () -> {
          TimeWindow window = window(request.hasWindow(), request.getWindow());
          if (request.hasAccuracyThreshold()) {
            throw notSupported("accuracyThreshold");
          }
          if (request.hasCoincidenceThreshold()) {
            throw notSupported("coincidenceThreshold");
          }
          HyperparameterMapper.Overrides overrides =
              overrides(request.hasHyperparameters(), request.getHyperparameters());
          if (overrides.validationFraction().isPresent()) {
            throw new InvalidFieldException(
                "hyperparameters.validationFraction",
                "is not supported by Validate: the update holds out its own share of the window");
          }
          if (request.hasModelVersion()) {
            requireActive(RequestFields.modelVersion(request.getModelVersion(), "modelVersion"), request.getUpdate());
          }
          ValidateModelCommand command =
              new ValidateModelCommand(
                  window,
                  request.getUpdate(),
                  seeds.getAsLong(),
                  overrides.trainer(),
                  ValidateModelCommand.DEFAULT_HOLDOUT_FRACTION,
                  overrides.replayFraction().orElse(ValidateModelCommand.DEFAULT_REPLAY_FRACTION));
          ValidateModelResult result;
          try {
            result = validate.validate(command, CallObserver.ofCurrentCall());
          } catch (IllegalArgumentException e) {
            throw hyperparameterError(e, overrides);
          }
          return TrainingMapper.toProto(result.run(), result.update());
        });
  }

  @Override
  public void listValidationRuns(
      ListValidationRunsRequest request, StreamObserver<ListValidationRunsResponse> response) {
    Calls.unary(
        response,
        () -> {
          Paging page = Paging.of(request.getPageSize(), request.getPageToken());
          var all = validationRuns.list();
          var builder =
              ListValidationRunsResponse.newBuilder().setNextPageToken(page.nextToken(all.size()));
          page.slice(all)
              .forEach(run -> builder.addRuns(TrainingMapper.toProto(run, Optional.empty())));
          return builder.build();
        });
  }

  @Override
  public void getJob(GetJobRequest request, StreamObserver<Job> response) {
    Calls.unary(response, () -> toProto(getJob.get(RequestFields.jobId(request.getJobId(), "jobId")), false));
  }

  @Override
  public void cancelJob(CancelJobRequest request, StreamObserver<Job> response) {
    Calls.unary(
        response,
        () -> {
          CancelJobResult result = cancelJob.cancel(RequestFields.jobId(request.getJobId(), "jobId"));
          TrainingJob job = result.job();
          return switch (result.outcome()) {
            case REQUESTED -> toProto(job, true);
            case CANCELLED -> toProto(job, false);
            case ALREADY_FINISHED -> {
              if (job.state() != io.mmq.core.training.model.JobState.CANCELLED) {
                throw new PreconditionFailedException(
                    "training job "
                        + job.id()
                        + " already ended "
                        + job.state()
                        + ": nothing to cancel");
              }
              yield toProto(job, false);
            }
          };
        });
  }

  @Override
  public void listJobs(ListJobsRequest request, StreamObserver<ListJobsResponse> response) {
    Calls.unary(
        response,
        () -> {
          if (request.hasState()
              && (request.getState() == JobState.JOB_STATE_UNSPECIFIED
                  || request.getState() == JobState.UNRECOGNIZED)) {
            throw new InvalidFieldException(
                "state", "must be QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED");
          }
          Paging page = Paging.of(request.getPageSize(), request.getPageToken());
          List<TrainingJob> all =
              listJobs.list().stream()
                  .filter(
                      job ->
                          !request.hasState()
                              || TrainingMapper.toProto(job.state()) == request.getState())
                  .toList();
          var builder = ListJobsResponse.newBuilder().setNextPageToken(page.nextToken(all.size()));
          page.slice(all).forEach(job -> builder.addJobs(toProto(job, false)));
          return builder.build();
        });
  }

  /** A job with the held-out evaluation of the model it produced, when it produced one. */
  private Job toProto(TrainingJob job, boolean cancelRequested) {
    Optional<Evaluation> evaluation =
        job.result()
            .flatMap(this::find)
            .map(
                model ->
                    TrainingMapper.trainingEvaluation(model, 0, Decision.DECISION_UNSPECIFIED));
    return TrainingMapper.toProto(job, cancelRequested, evaluation);
  }

  private Optional<ModelRecord> find(ModelVersion version) {
    try {
      return Optional.of(models.get(version));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Only the active model can be validated: the core evaluates the one that serves. */
  private void requireActive(ModelVersion version, boolean update) {
    models.get(version); // NOT_FOUND when unknown
    Optional<ModelRecord> active = models.active();
    if (active.isPresent() && !active.get().version().equals(version)) {
      throw new InvalidFieldException(
          "modelVersion",
          "validating a model other than the active one ("
              + active.get().version()
              + ") is not supported");
    }
    if (update) {
      throw new InvalidFieldException(
          "update", "must be false when modelVersion is given: a given version is only evaluated");
    }
  }

  private static TimeWindow window(boolean present, io.mmq.proto.v1.TimeWindow window) {
    if (!present) {
      throw new InvalidFieldException("window", "is required");
    }
    return EngagementMapper.window(window, "window");
  }

  private static HyperparameterMapper.Overrides overrides(
      boolean present, io.mmq.proto.v1.Hyperparameters proto) {
    return present
        ? RequestFields.mapUnder("hyperparameters", () -> HyperparameterMapper.toDomain(proto))
        : HyperparameterMapper.Overrides.NONE;
  }

  private static double fraction(HyperparameterMapper.Overrides overrides) {
    double fraction =
        overrides.validationFraction().orElse(TrainModelCommand.DEFAULT_VALIDATION_FRACTION);
    if (fraction > 0.9) {
      throw new InvalidFieldException(
          "hyperparameters.validationFraction", "must be at most 0.9, was " + fraction);
    }
    return fraction;
  }

  /** A trainer's rejection of a setting, reported at the request field the setting came from. */
  private static RuntimeException hyperparameterError(
      IllegalArgumentException e, HyperparameterMapper.Overrides overrides) {
    return overrides
        .pathOf(e.getMessage())
        .<RuntimeException>map(
            path ->
                new InvalidFieldException(
                    "hyperparameters." + path, String.valueOf(e.getMessage())))
        .orElse(e);
  }

  private static InvalidFieldException notSupported(String field) {
    return new InvalidFieldException(field, "overriding the configured threshold is not supported");
  }

}
