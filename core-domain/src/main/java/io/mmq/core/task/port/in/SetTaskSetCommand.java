package io.mmq.core.task.port.in;

import io.mmq.core.task.model.TaskSet;
import java.util.Objects;

/** The task set to learn from now on. */
public record SetTaskSetCommand(TaskSet tasks) {
  public SetTaskSetCommand {
    Objects.requireNonNull(tasks, "tasks is null");
  }
}
