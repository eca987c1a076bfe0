package io.mmq.core.testing.contract;

import static io.mmq.core.testing.builder.TrainingJobBuilder.aTrainingJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.JobKind;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.port.out.TrainingJobs;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link TrainingJobs}: save inserts or replaces by id; newest first. */
public abstract class TrainingJobsContract {
  private static final Instant LATER = Instant.parse("2016-07-01T00:05:00.000000007Z");

  private TrainingJobs jobs;

  /** A new, empty repository. Called before each test. */
  protected abstract TrainingJobs newTrainingJobs();

  @BeforeEach
  void createRepository() {
    jobs = newTrainingJobs();
  }

  @Test
  void anEmptyRepositoryHoldsNothing() {
    assertThat(jobs.list()).isEmpty();
    assertThat(jobs.find(new JobId("job-1"))).isEmpty();
  }

  @Test
  void aSavedJobComesBackEqual() {
    TrainingJob running =
        aTrainingJob().withId("job-1").withTotalSteps(2_000).build().progressed(150, LATER);

    jobs.save(running);

    assertThat(jobs.find(new JobId("job-1"))).contains(running);
  }

  @Test
  void eachJobKeepsItsKind() {
    TrainingJob train = aTrainingJob().withId("job-1").withKind(JobKind.TRAIN).build();
    TrainingJob update =
        aTrainingJob().withId("job-2").withKind(JobKind.VALIDATION_UPDATE).build();
    jobs.save(train);
    jobs.save(update);
    jobs.save(update.progressed(3, LATER).succeeded(ModelVersion.of("m-2"), LATER));

    assertThat(jobs.find(new JobId("job-1")).orElseThrow().kind()).contains(JobKind.TRAIN);
    assertThat(jobs.find(new JobId("job-2")).orElseThrow().kind())
        .contains(JobKind.VALIDATION_UPDATE);
    assertThat(jobs.list())
        .extracting(TrainingJob::kind)
        .containsExactly(Optional.of(JobKind.VALIDATION_UPDATE), Optional.of(JobKind.TRAIN));
  }

  @Test
  void savingAgainReplacesTheJob() {
    TrainingJob started = aTrainingJob().withId("job-1").build();
    jobs.save(started);
    TrainingJob succeeded = started.progressed(5, LATER).succeeded(ModelVersion.of("m-7"), LATER);

    jobs.save(succeeded);

    assertThat(jobs.find(new JobId("job-1"))).contains(succeeded);
    assertThat(jobs.list()).containsExactly(succeeded);
    assertThat(succeeded.result()).contains(ModelVersion.of("m-7"));
  }

  @Test
  void failedAndCancelledJobsKeepTheirReason() {
    TrainingJob failed =
        aTrainingJob().withId("job-1").build().failed("loss became NaN at step 3", LATER);
    TrainingJob cancelled = aTrainingJob().withId("job-2").build().cancelled(LATER);

    jobs.save(failed);
    jobs.save(cancelled);

    assertThat(jobs.find(new JobId("job-1")).orElseThrow().error())
        .contains("loss became NaN at step 3");
    assertThat(jobs.find(new JobId("job-2")).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    assertThat(jobs.find(new JobId("job-2"))).contains(cancelled);
    assertThat(failed.result()).isEqualTo(Optional.empty());
  }

  @Test
  void listsNewestFirstAndAtTheSameInstantTheLaterFirstSaved() {
    TrainingJob oldest = aTrainingJob().withId("job-a").createdAt("2016-07-01T00:00:00Z").build();
    TrainingJob twinFirst =
        aTrainingJob().withId("job-b").createdAt("2016-07-02T00:00:00Z").build();
    TrainingJob twinSecond =
        aTrainingJob().withId("job-c").createdAt("2016-07-02T00:00:00Z").build();
    TrainingJob newest = aTrainingJob().withId("job-d").createdAt("2016-07-03T00:00:00Z").build();
    jobs.save(twinFirst);
    jobs.save(newest);
    jobs.save(oldest);
    jobs.save(twinSecond);

    jobs.save(twinFirst.progressed(3, LATER));

    assertThat(jobs.list())
        .extracting(job -> job.id().value())
        .containsExactly("job-d", "job-c", "job-b", "job-a");
  }
}
