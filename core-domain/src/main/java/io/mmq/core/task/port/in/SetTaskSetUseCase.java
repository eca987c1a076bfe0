package io.mmq.core.task.port.in;

import io.mmq.core.task.model.TaskSet;

/**
 * Replaces the task set (R3). Labels derived and models trained before keep the tasks they had;
 * derive labels and train again to use the new set.
 */
public interface SetTaskSetUseCase {
  /** Saves the set and returns it as stored. */
  TaskSet set(SetTaskSetCommand command);
}
