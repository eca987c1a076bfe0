package io.mmq.core.training.model;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.registry.model.ModelVersion;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A training job as recorded: its kind, window, state, progress, error and the model it produced.
 * The kind is empty for jobs recorded before kinds were stored.
 */
public record TrainingJob(
    JobId id,
    Optional<JobKind> kind,
    TimeWindow window,
    JobState state,
    int step,
    int totalSteps,
    Optional<String> error,
    Optional<ModelVersion> result,
    Instant createdAt,
    Instant updatedAt) {

  public TrainingJob {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(state, "state is null");
    Objects.requireNonNull(error, "error is null");
    Objects.requireNonNull(result, "result is null");
    Objects.requireNonNull(createdAt, "createdAt is null");
    Objects.requireNonNull(updatedAt, "updatedAt is null");
  }

  public static TrainingJob started(
      JobId id, JobKind kind, TimeWindow window, int totalSteps, Instant now) {
    return new TrainingJob(
        id, Optional.of(kind), window, JobState.RUNNING, 0, totalSteps, Optional.empty(),
        Optional.empty(), now, now);
  }

  public TrainingJob progressed(int newStep, Instant now) {
    return new TrainingJob(
        id, kind, window, state, newStep, totalSteps, error, result, createdAt, now);
  }

  public TrainingJob succeeded(ModelVersion version, Instant now) {
    return new TrainingJob(
        id, kind, window, JobState.SUCCEEDED, step, totalSteps, Optional.empty(),
        Optional.of(version), createdAt, now);
  }

  public TrainingJob failed(String reason, Instant now) {
    return new TrainingJob(
        id, kind, window, JobState.FAILED, step, totalSteps, Optional.of(reason), Optional.empty(),
        createdAt, now);
  }

  public TrainingJob cancelled(Instant now) {
    return new TrainingJob(
        id, kind, window, JobState.CANCELLED, step, totalSteps, Optional.of("cancelled"),
        Optional.empty(), createdAt, now);
  }
}
