package io.mmq.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.testing.builder.Windows;
import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.model.TaskMetrics;
import io.mmq.core.validation.model.ValidationRun;
import io.mmq.core.validation.port.out.ValidationRuns;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ValidationRuns}: runs replaced by id, newest first, the latest. */
public abstract class ValidationRunsContract {
  private ValidationRuns runs;

  /** A new, empty repository. Called before each test. */
  protected abstract ValidationRuns newValidationRuns();

  @BeforeEach
  void createRepository() {
    runs = newValidationRuns();
  }

  private static ValidationRun run(String id, String ranAt, Map<TaskName, TaskMetrics> tasks) {
    return new ValidationRun(
        id,
        ModelVersion.of("m-1"),
        Windows.day("2016-06-24"),
        400,
        292,
        292 / 400.0,
        0.8,
        0.7,
        tasks,
        Decision.UPDATE,
        Optional.of(ModelVersion.of("m-2")),
        Instant.parse(ranAt));
  }

  private static final Map<TaskName, TaskMetrics> TWO_TASKS =
      Map.of(
          TaskName.of("ctr"), new TaskMetrics(0.74, 0.69, 380, 0.41, 0.58, 0.031),
          TaskName.of("dwell"), new TaskMetrics(Double.NaN, 1.0, 12, 1.0, 0.0, 0.0));

  @Test
  void anEmptyRepositoryHoldsNothing() {
    assertThat(runs.list()).isEmpty();
    assertThat(runs.latest()).isEmpty();
  }

  @Test
  void aSavedRunComesBackEqualWithItsTaskMetrics() {
    ValidationRun run = run("v-1", "2016-07-01T00:00:00.000000001Z", TWO_TASKS);

    runs.save(run);

    assertThat(runs.list()).containsExactly(run);
    assertThat(runs.latest()).contains(run);
    assertThat(runs.latest().orElseThrow().tasks().get(TaskName.of("dwell")).auc()).isNaN();
  }

  @Test
  void aRunWithoutCandidateOrTasksComesBackEqual() {
    ValidationRun keep =
        new ValidationRun(
            "v-1",
            ModelVersion.of("m-1"),
            Windows.day("2016-06-24"),
            0,
            0,
            Double.NaN,
            0.8,
            0.7,
            Map.of(),
            Decision.KEEP,
            Optional.empty(),
            Instant.parse("2016-07-01T00:00:00Z"));

    runs.save(keep);

    assertThat(runs.latest()).contains(keep);
  }

  @Test
  void listsNewestFirstAndTheLatestIsTheNewest() {
    ValidationRun first = run("v-1", "2016-07-01T00:00:00Z", TWO_TASKS);
    ValidationRun third = run("v-3", "2016-07-03T00:00:00Z", Map.of());
    ValidationRun twinA = run("v-2a", "2016-07-02T00:00:00Z", TWO_TASKS);
    ValidationRun twinB = run("v-2b", "2016-07-02T00:00:00Z", Map.of());
    runs.save(first);
    runs.save(twinA);
    runs.save(third);
    runs.save(twinB);

    assertThat(runs.list()).containsExactly(third, twinB, twinA, first);
    assertThat(runs.latest()).contains(third);
  }

  @Test
  void savingARunWithTheSameIdReplacesIt() {
    runs.save(run("v-1", "2016-07-01T00:00:00Z", TWO_TASKS));
    ValidationRun replacement =
        run(
            "v-1",
            "2016-07-01T00:00:00Z",
            Map.of(TaskName.of("ctr"), new TaskMetrics(0.8, 0.75, 390, 0.4, 0.5, 0.02)));

    runs.save(replacement);

    assertThat(runs.list()).containsExactly(replacement);
  }
}
