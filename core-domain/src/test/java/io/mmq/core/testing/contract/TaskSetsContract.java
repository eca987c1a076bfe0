package io.mmq.core.testing.contract;

import static io.mmq.core.testing.builder.TaskBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.task.model.Direction;
import io.mmq.core.task.model.ReferenceStatistic;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.out.TaskSets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link TaskSets}: the defaults until a set is saved, then the saved set. */
public abstract class TaskSetsContract {
  private TaskSets taskSets;

  /** A new repository that holds no saved task set. Called before each test. */
  protected abstract TaskSets newTaskSets();

  @BeforeEach
  void createRepository() {
    taskSets = newTaskSets();
  }

  @Test
  void theDefaultsUntilATaskSetIsSaved() {
    assertThat(taskSets.current()).isEqualTo(TaskSet.defaults());
  }

  @Test
  void theSavedTaskSetComesBackEqualInItsOrder() {
    TaskSet saved =
        TaskSet.of(
            new Task(
                TaskName.of("zeta"),
                "bounce_rate",
                Direction.LOWER_IS_BETTER,
                ReferenceStatistic.MEDIAN,
                0,
                2.5),
            aTask("alpha").withMetric("ctr").build(),
            new Task(
                TaskName.of("mid.dle-1"),
                "dwell",
                Direction.HIGHER_IS_BETTER,
                ReferenceStatistic.MEAN,
                1_000_000,
                0.1 + 0.2));

    taskSets.save(saved);

    assertThat(taskSets.current()).isEqualTo(saved);
    assertThat(taskSets.current().names())
        .containsExactly(TaskName.of("zeta"), TaskName.of("alpha"), TaskName.of("mid.dle-1"));
  }

  @Test
  void savingAgainReplacesTheWholeSet() {
    taskSets.save(TaskSet.of(aTask("a").build(), aTask("b").build(), aTask("c").build()));
    TaskSet smaller = TaskSet.of(aTask("b").withMinImpressions(5).build());

    taskSets.save(smaller);

    assertThat(taskSets.current()).isEqualTo(smaller);
  }
}
