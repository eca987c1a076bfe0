package io.mmq.core.testing.fake;

import java.util.Objects;

/**
 * Every in-memory outbound port, the fake trainer and loader, and a {@link MutableClock}, made
 * together so that a test can wire a whole core in one line.
 */
public final class FakePorts {
  public final InMemoryResources resources = new InMemoryResources();
  public final InMemoryEngagements engagements = new InMemoryEngagements();
  public final InMemoryLabels labels = new InMemoryLabels();
  public final InMemoryTaskSets taskSets = new InMemoryTaskSets();
  public final InMemoryModelRegistry registry = new InMemoryModelRegistry();
  public final InMemoryTrainingJobs jobs = new InMemoryTrainingJobs();
  public final InMemoryValidationRuns validationRuns = new InMemoryValidationRuns();
  public final FakeModelTrainer trainer = new FakeModelTrainer();
  public final FakeQualityModelLoader loader = new FakeQualityModelLoader();
  public final MutableClock clock;

  public FakePorts(MutableClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock is null");
  }

  /** Fakes with a clock standing at 2016-07-01T00:00:00Z. */
  public static FakePorts create() {
    return new FakePorts(MutableClock.at("2016-07-01T00:00:00Z"));
  }
}
