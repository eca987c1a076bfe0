package io.mmq.core.task.port.in;

import io.mmq.core.task.model.TaskSet;

/** The current task set; the defaults of R3 until one is set. */
public interface GetTaskSetUseCase {
  TaskSet current();
}
