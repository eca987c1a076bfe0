package io.mmq.core.testing.fake;

import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.out.TaskSets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** An in-memory {@link TaskSets}: {@link TaskSet#defaults()} until one is saved. Thread-safe. */
public final class InMemoryTaskSets implements TaskSets {
  private final AtomicReference<TaskSet> current = new AtomicReference<>(TaskSet.defaults());
  private final FaultSwitch faults = new FaultSwitch("task sets");

  public InMemoryTaskSets() {}

  /** Starts with {@code initial} instead of the defaults. */
  public InMemoryTaskSets(TaskSet initial) {
    current.set(Objects.requireNonNull(initial, "initial is null"));
  }

  public FaultSwitch faults() {
    return faults;
  }

  @Override
  public TaskSet current() {
    faults.checkRead();
    return current.get();
  }

  @Override
  public void save(TaskSet tasks) {
    Objects.requireNonNull(tasks, "tasks is null");
    faults.checkWrite();
    current.set(tasks);
  }
}
