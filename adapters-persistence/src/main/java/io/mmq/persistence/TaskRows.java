package io.mmq.persistence;

import io.mmq.core.task.model.Direction;
import io.mmq.core.task.model.ReferenceStatistic;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A {@link Task} as the columns that {@code task_set_tasks} and {@code model_tasks} share: name,
 * metric, direction, reference, min_impressions, weight.
 */
final class TaskRows {
  static final String COLUMNS = "name, metric, direction, reference, min_impressions, weight";

  private TaskRows() {}

  /** Binds the six columns from parameter {@code first} on. */
  static void bind(PreparedStatement statement, int first, Task task) throws SQLException {
    statement.setString(first, task.name().value());
    statement.setString(first + 1, Jdbc.text(task.metric()));
    statement.setString(first + 2, task.direction().name());
    statement.setString(first + 3, task.reference().name());
    statement.setLong(first + 4, task.minImpressions());
    statement.setDouble(first + 5, task.weight());
  }

  /** Reads the six columns from column {@code first} on. */
  static Task read(ResultSet row, int first) throws SQLException {
    return new Task(
        TaskName.of(row.getString(first)),
        row.getString(first + 1),
        Direction.valueOf(row.getString(first + 2)),
        ReferenceStatistic.valueOf(row.getString(first + 3)),
        row.getLong(first + 4),
        row.getDouble(first + 5));
  }
}
