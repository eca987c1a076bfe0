package io.mmq.persistence;

import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.out.TaskSets;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@link TaskSets} in {@code task_set_tasks}: one row per task, in order. */
final class JdbcTaskSets implements TaskSets {
  private final Jdbc jdbc;

  @Inject
  JdbcTaskSets(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public TaskSet current() {
    List<Task> tasks =
        jdbc.list(
            "reading the task set",
            "SELECT " + TaskRows.COLUMNS + " FROM task_set_tasks ORDER BY position",
            Jdbc.NO_PARAMETERS,
            row -> TaskRows.read(row, 1));
    return tasks.isEmpty() ? TaskSet.defaults() : new TaskSet(tasks);
  }

  @Override
  public void save(TaskSet tasks) {
    Objects.requireNonNull(tasks, "tasks is null");
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      positions.add(i);
    }
    jdbc.inTransaction(
        "saving the task set",
        connection -> {
          Jdbc.update(connection, "DELETE FROM task_set_tasks", Jdbc.NO_PARAMETERS);
          return jdbc.batch(
              connection,
              "saving the task set",
              "INSERT INTO task_set_tasks (position, "
                  + TaskRows.COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
              positions,
              (statement, position) -> {
                statement.setInt(1, position);
                TaskRows.bind(statement, 2, tasks.tasks().get(position));
              },
              i -> "tasks[" + i + "] (" + tasks.tasks().get(i).name() + ")");
        });
  }
}
