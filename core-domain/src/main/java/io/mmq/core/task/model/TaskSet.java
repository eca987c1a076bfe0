package io.mmq.core.task.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The ordered set of tasks the model learns jointly. Names are unique; at least one task. */
public record TaskSet(List<Task> tasks) {
  public static final int MAX_TASKS = 32;

  public TaskSet {
    tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks is null"));
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("tasks is empty: a task set needs at least one task");
    }
    if (tasks.size() > MAX_TASKS) {
      throw new IllegalArgumentException(
          "tasks has " + tasks.size() + " entries; at most " + MAX_TASKS + " allowed");
    }
    Map<TaskName, Task> seen = new LinkedHashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      Task task = tasks.get(i);
      if (seen.put(task.name(), task) != null) {
        throw new IllegalArgumentException(
            "tasks[" + i + "].name '" + task.name() + "' appears twice");
      }
    }
  }

  public static TaskSet of(Task... tasks) {
    return new TaskSet(List.of(tasks));
  }

  /**
   * The default tasks of R3: click-through rate, dwell time, comment rate, like rate, share rate
   * and bounce rate (lower is better).
   */
  public static TaskSet defaults() {
    return of(
        Task.higherIsBetter("ctr", "ctr"),
        Task.higherIsBetter("dwell", "dwell"),
        Task.higherIsBetter("comments", "comment_rate"),
        Task.higherIsBetter("likes", "like_rate"),
        Task.higherIsBetter("shares", "share_rate"),
        Task.lowerIsBetter("bounce", "bounce_rate"));
  }

  public List<TaskName> names() {
    return tasks.stream().map(Task::name).toList();
  }

  public Optional<Task> find(TaskName name) {
    return tasks.stream().filter(task -> task.name().equals(name)).findFirst();
  }

  public int size() {
    return tasks.size();
  }

  public int indexOf(TaskName name) {
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
