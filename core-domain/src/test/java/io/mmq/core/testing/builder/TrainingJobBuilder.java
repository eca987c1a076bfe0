package io.mmq.core.testing.builder;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.JobKind;
import io.mmq.core.training.model.TrainingJob;
import java.time.Instant;

/**
 * Builds a {@link TrainingJob} in the RUNNING state, a TRAIN job unless told: {@code
 * aTrainingJob().withId("job-1").build()}; use the record's own transitions ({@code succeeded},
 * {@code failed}) for the rest.
 */
public final class TrainingJobBuilder {
  private String id = "job-1";
  private JobKind kind = JobKind.TRAIN;
  private TimeWindow window = Windows.between("2016-06-24", "2016-06-30");
  private int totalSteps = 5;
  private Instant createdAt = Instant.parse("2016-07-01T00:00:00Z");

  private TrainingJobBuilder() {}

  public static TrainingJobBuilder aTrainingJob() {
    return new TrainingJobBuilder();
  }

  public TrainingJobBuilder withId(String newId) {
    this.id = newId;
    return this;
  }

  public TrainingJobBuilder withKind(JobKind newKind) {
    this.kind = newKind;
    return this;
  }

  public TrainingJobBuilder withWindow(TimeWindow newWindow) {
    this.window = newWindow;
    return this;
  }

  public TrainingJobBuilder withTotalSteps(int steps) {
    this.totalSteps = steps;
    return this;
  }

  public TrainingJobBuilder createdAt(String isoInstant) {
    this.createdAt = Instant.parse(isoInstant);
    return this;
  }

  public TrainingJob build() {
    return TrainingJob.started(new JobId(id), kind, window, totalSteps, createdAt);
  }
}
