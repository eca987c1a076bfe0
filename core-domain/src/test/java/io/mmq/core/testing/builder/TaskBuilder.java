package io.mmq.core.testing.builder;

import io.mmq.core.task.model.Direction;
import io.mmq.core.task.model.ReferenceStatistic;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;

/**
 * Builds a {@link Task}: {@code aTask("ctr").lowerIsBetter().withMinImpressions(0).build()}.
 * Defaults: metric named as the task, higher is better, mean reference, 100 impressions, weight 1.
 */
public final class TaskBuilder {
  private final String name;
  private String metric;
  private Direction direction = Direction.HIGHER_IS_BETTER;
  private ReferenceStatistic reference = ReferenceStatistic.MEAN;
  private long minImpressions = 100;
  private double weight = 1.0;

  private TaskBuilder(String name) {
    this.name = name;
    this.metric = name;
  }

  public static TaskBuilder aTask(String name) {
    return new TaskBuilder(name);
  }

  /** A task set of tasks named as their metrics, higher is better, no impressions minimum. */
  public static TaskSet tasksNamed(String... names) {
    Task[] tasks = new Task[names.length];
    for (int i = 0; i < names.length; i++) {
      tasks[i] = aTask(names[i]).withMinImpressions(0).build();
    }
    return TaskSet.of(tasks);
  }

  public TaskBuilder withMetric(String newMetric) {
    this.metric = newMetric;
    return this;
  }

  public TaskBuilder lowerIsBetter() {
    this.direction = Direction.LOWER_IS_BETTER;
    return this;
  }

  public TaskBuilder withMedianReference() {
    this.reference = ReferenceStatistic.MEDIAN;
    return this;
  }

  public TaskBuilder withMinImpressions(long count) {
    this.minImpressions = count;
    return this;
  }

  public TaskBuilder withWeight(double newWeight) {
    this.weight = newWeight;
    return this;
  }

  public Task build() {
    return new Task(TaskName.of(name), metric, direction, reference, minImpressions, weight);
  }
}
