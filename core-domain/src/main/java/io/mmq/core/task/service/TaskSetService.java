package io.mmq.core.task.service;

import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.in.GetTaskSetUseCase;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.task.port.in.SetTaskSetUseCase;
import io.mmq.core.task.port.out.TaskSets;
import java.util.Objects;

/** Reads and replaces the task set. */
public final class TaskSetService implements GetTaskSetUseCase, SetTaskSetUseCase {
  private final TaskSets taskSets;

  public TaskSetService(TaskSets taskSets) {
    this.taskSets = Objects.requireNonNull(taskSets, "taskSets is null");
  }

  @Override
  public TaskSet current() {
    return taskSets.current();
  }

  @Override
  public TaskSet set(SetTaskSetCommand command) {
    Objects.requireNonNull(command, "command is null");
    taskSets.save(command.tasks());
    return command.tasks();
  }
}
