package io.mmq.core.training.service;

import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.model.Provenance;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.telemetry.Telemetry;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingCancelledException;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.model.TrainingListener;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.training.port.in.CancelJobResult;
import io.mmq.core.training.port.in.TrainModelResult;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.core.training.port.out.ModelTrainer;
import io.mmq.core.training.port.out.TrainingJobs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a training as a recorded job; shared by the training and the validation services so that
 * one cancel reaches every job this process runs (wire one instance).
 *
 * <p>The job is saved RUNNING before the trainer starts and after every progress report. Success:
 * the model is registered as a CANDIDATE with its provenance, activated when the request allows
 * it and no model is active (decided under a lock, so two trainings ending together cannot both
 * activate; loaded and warmed up by {@link ActiveModelHolder#activate} before the registry
 * switches, so it serves once the job ends), and the job SUCCEEDED. A cancel (through {@link
 * #cancel} or the observer) ends the job CANCELLED; any other exception ends it FAILED with the
 * exception's message and is rethrown (a first model that cannot be served stays a CANDIDATE and
 * fails the job with the reason). The active model is only ever touched on success. Every progress
 * report and the end of every job (whatever its state) are reported to the {@link Telemetry}.
 *
 * <p>Ids: jobs {@code job-yyyyMMdd-HHmmss-NNNN}, models {@code m-yyyyMMdd-HHmmss-cccc} where
 * {@code cccc} starts the artifact checksum (a suffix is added in the rare case of a clash).
 */
public final class ModelTraining {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final ModelTrainer trainer;
  private final ModelRegistry registry;
  private final TrainingJobs jobs;
  private final Clock clock;
  private final ActiveModelHolder models;
  private final Telemetry telemetry;
  private final Map<JobId, AtomicBoolean> running = new ConcurrentHashMap<>();
  private final AtomicLong jobSequence = new AtomicLong();
  private final Object registration = new Object();

  public ModelTraining(
      ModelTrainer trainer,
      ModelRegistry registry,
      TrainingJobs jobs,
      Clock clock,
      ActiveModelHolder models) {
    this(trainer, registry, jobs, clock, models, Telemetry.NONE);
  }

  public ModelTraining(
      ModelTrainer trainer,
      ModelRegistry registry,
      TrainingJobs jobs,
      Clock clock,
      ActiveModelHolder models,
      Telemetry telemetry) {
    this.trainer = Objects.requireNonNull(trainer, "trainer is null");
    this.registry = Objects.requireNonNull(registry, "registry is null");
    this.jobs = Objects.requireNonNull(jobs, "jobs is null");
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.models = Objects.requireNonNull(models, "models is null");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry is null");
  }

  /** Runs the request on the calling thread; see the class comment for the outcomes. */
  public TrainModelResult run(TrainingRequest request, TrainingObserver observer) {
    Objects.requireNonNull(request, "request is null");
    Objects.requireNonNull(observer, "observer is null");
    long trainingExamples = request.training().count();
    if (trainingExamples == 0) {
      throw new PreconditionFailedException(
          "no labelled resource of the catalogue in window " + request.window()
              + ": ingest the resources and derive labels for this window first");
    }
    long validationExamples = request.validation().count();
    request.fineTuneFrom().ifPresent(base -> requireSameTasks(base, request));
    Instant startedAt = clock.instant();
    TrainingJob started =
        TrainingJob.started(
            newJobId(startedAt), request.kind(), request.window(), totalSteps(request), startedAt);
    AtomicBoolean cancel = new AtomicBoolean();
    AtomicReference<TrainingJob> job = new AtomicReference<>(started);
    running.put(started.id(), cancel);
    JobState ended = JobState.FAILED;
    try {
      jobs.save(started);
      observer.onStarted(started, trainingExamples, validationExamples);
      Optional<ModelArtifact> base =
          request.fineTuneFrom().map(model -> registry.loadArtifact(model.version()));
      TrainedModel trained =
          trainer.train(
              request.tasks(), request.training(), request.validation(), request.config(), base,
              listener(job, cancel, observer));
      boolean[] activated = {false};
      ModelRecord model = register(request, trained, activated);
      TrainingJob succeeded = job.get().succeeded(model.version(), clock.instant());
      jobs.save(succeeded);
      ended = JobState.SUCCEEDED;
      return new TrainModelResult(
          succeeded, Optional.of(model), activated[0], trainingExamples, validationExamples,
          Optional.of(trained.stopReason()));
    } catch (TrainingCancelledException e) {
      TrainingJob cancelled = job.get().cancelled(clock.instant());
      jobs.save(cancelled);
      ended = JobState.CANCELLED;
      return new TrainModelResult(
          cancelled, Optional.empty(), false, trainingExamples, validationExamples,
          Optional.empty());
    } catch (RuntimeException e) {
      try {
        jobs.save(job.get().failed(reason(e), clock.instant()));
      } catch (RuntimeException saveFailure) {
        e.addSuppressed(saveFailure);
      }
      throw e;
    } finally {
      running.remove(started.id());
      telemetry.trainingEnded(started.id(), ended);
    }
  }

  /**
   * Cancels a job: a job running here stops before its next step; a job recorded as RUNNING that
   * nothing here runs (left by a stopped process) is marked CANCELLED at once.
   *
   * @throws NotFoundException naming the id when there is no such job
   */
  public CancelJobResult cancel(JobId id) {
    Objects.requireNonNull(id, "id is null");
    TrainingJob job =
        jobs.find(id).orElseThrow(() -> new NotFoundException("training job '" + id + "' not found"));
    if (job.state().isFinal()) {
      return new CancelJobResult(job, CancelJobResult.Outcome.ALREADY_FINISHED);
    }
    AtomicBoolean flag = running.get(id);
    if (flag != null) {
      flag.set(true);
      return new CancelJobResult(job, CancelJobResult.Outcome.REQUESTED);
    }
    TrainingJob cancelled = job.cancelled(clock.instant());
    jobs.save(cancelled);
    return new CancelJobResult(cancelled, CancelJobResult.Outcome.CANCELLED);
  }

  /** Whether this process is running the job now. */
  public boolean isRunning(JobId id) {
    return running.containsKey(id);
  }

  private TrainingListener listener(
      AtomicReference<TrainingJob> job, AtomicBoolean cancel, TrainingObserver observer) {
    return new TrainingListener() {
      @Override
      public void onProgress(TrainingProgress progress) {
        TrainingJob current = job.get();
        TrainingJob updated =
            new TrainingJob(
                current.id(), current.kind(), current.window(), current.state(), progress.step(),
                progress.totalSteps(), current.error(), current.result(), current.createdAt(),
                clock.instant());
        jobs.save(updated);
        job.set(updated);
        telemetry.trainingProgress(updated.id(), progress);
        observer.onProgress(progress);
      }

      @Override
      public boolean isCancelled() {
        return cancel.get() || observer.isCancelled();
      }
    };
  }

  private ModelRecord register(TrainingRequest request, TrainedModel trained, boolean[] activated) {
    Instant now = clock.instant();
    Provenance provenance =
        new Provenance(
            request.window(), request.config().seed(), trained.hyperparameters(),
            trained.metrics(), now, request.fineTuneFrom().map(ModelRecord::version));
    synchronized (registration) {
      ModelVersion version = newVersion(now, trained.artifact().checksum());
      ModelRecord candidate =
          new ModelRecord(
              version, ModelStatus.CANDIDATE, request.tasks(), provenance,
              trained.artifact().checksum(), now, Optional.empty());
      registry.register(candidate, trained.artifact());
      if (request.activation() == TrainingRequest.Activation.IF_NONE_ACTIVE
          && registry.active().isEmpty()) {
        Instant activatedAt = clock.instant();
        models.activate(candidate, () -> registry.activate(version, activatedAt));
        activated[0] = true;
        return candidate.activated(activatedAt);
      }
      return candidate;
    }
  }

  private static void requireSameTasks(ModelRecord base, TrainingRequest request) {
    if (!base.tasks().equals(request.tasks())) {
      throw new PreconditionFailedException(
          "model " + base.version() + " predicts tasks " + base.tasks().names()
              + " but the task set is " + request.tasks().names()
              + ": fine-tuning needs the same tasks; train a fresh model instead");
    }
  }

  private static int totalSteps(TrainingRequest request) {
    try {
      return request.config().get("steps").map(Integer::parseInt).filter(n -> n > 0).orElse(0);
    } catch (NumberFormatException e) {
      return 0; // the trainer reports the bad value
    }
  }

  private JobId newJobId(Instant now) {
    while (true) {
      JobId id =
          new JobId(
              "job-" + STAMP.format(now) + "-"
                  + String.format(Locale.ROOT, "%04d", jobSequence.incrementAndGet() % 10_000));
      if (!running.containsKey(id) && jobs.find(id).isEmpty()) {
        return id;
      }
    }
  }

  private ModelVersion newVersion(Instant now, String checksum) {
    String base = "m-" + STAMP.format(now) + "-" + checksum.substring(0, 4);
    ModelVersion version = ModelVersion.of(base);
    for (int n = 2; registry.find(version).isPresent(); n++) {
      version = ModelVersion.of(base + "-" + n);
    }
    return version;
  }

  private static String reason(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
