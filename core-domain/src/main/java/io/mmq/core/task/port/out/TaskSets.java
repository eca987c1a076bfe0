package io.mmq.core.task.port.out;

import io.mmq.core.task.model.TaskSet;

/** The current task set; {@link TaskSet#defaults()} until one is saved. */
public interface TaskSets {
  TaskSet current();

  void save(TaskSet tasks);
}
