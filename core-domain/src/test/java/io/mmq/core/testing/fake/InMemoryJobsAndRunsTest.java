package io.mmq.core.testing.fake;

import static io.mmq.core.testing.builder.TrainingJobBuilder.aTrainingJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.testing.builder.Windows;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.model.ValidationRun;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryJobsAndRunsTest {

  @Test
  void aJobSavedAgainIsReplacedAndKeepsItsPlaceAndHistory() {
    InMemoryTrainingJobs jobs = new InMemoryTrainingJobs();
    TrainingJob first = aTrainingJob().withId("job-1").createdAt("2016-07-01T00:00:00Z").build();
    TrainingJob second = aTrainingJob().withId("job-2").createdAt("2016-07-02T00:00:00Z").build();
    jobs.save(first);
    jobs.save(second);

    TrainingJob done = first.succeeded(ModelVersion.of("m-1"), Instant.parse("2016-07-03T00:00:00Z"));
    jobs.save(done);

    assertThat(jobs.list()).extracting(job -> job.id().value()).containsExactly("job-2", "job-1");
    assertThat(jobs.find(first.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(jobs.history()).containsExactly(first, second, done);
  }

  @Test
  void runsAreListedNewestFirstAndLatestIsTheNewest() {
    InMemoryValidationRuns runs = new InMemoryValidationRuns();
    assertThat(runs.latest()).isEmpty();

    runs.save(run("v-1", "2016-07-01T00:00:00Z"));
    runs.save(run("v-3", "2016-07-09T00:00:00Z"));
    runs.save(run("v-2", "2016-07-05T00:00:00Z"));

    assertThat(runs.list()).extracting(ValidationRun::id).containsExactly("v-3", "v-2", "v-1");
    assertThat(runs.latest().orElseThrow().id()).isEqualTo("v-3");
  }

  private static ValidationRun run(String id, String ranAt) {
    return new ValidationRun(
        id, ModelVersion.of("m-1"), Windows.day("2016-06-30"), 10, 8, 0.8, 0.5, 0.7, Map.of(),
        Decision.KEEP, Optional.empty(), Instant.parse(ranAt));
  }
}
