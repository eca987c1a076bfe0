package io.mmq.persistence;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.model.TaskMetrics;
import io.mmq.core.validation.model.ValidationRun;
import io.mmq.core.validation.port.out.ValidationRuns;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ValidationRuns} in {@code validation_runs} and {@code validation_run_tasks} (one row per
 * task's metrics). A run saved again with the same id replaces the stored one; listed newest first
 * (run time, then first-save order).
 */
final class JdbcValidationRuns implements ValidationRuns {
  private static final String COLUMNS =
      "model_version, window_start_ns, window_end_ns, evaluated, accurate, accuracy,"
          + " coincidence_threshold, accuracy_threshold, decision, candidate, ran_at_ns, id";
  private static final String TASK_COLUMNS =
      "run_id, task, auc, accuracy, labelled, positive_rate, log_loss, calibration_error";
  private static final String NEWEST_FIRST = " ORDER BY ran_at_ns DESC, seq DESC";

  private final Jdbc jdbc;

  @Inject
  JdbcValidationRuns(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public void save(ValidationRun run) {
    Objects.requireNonNull(run, "run is null");
    long start = Instants.toNanos(run.window().start(), "run window start");
    long end = Instants.toNanos(run.window().end(), "run window end");
    long ranAt = Instants.toNanos(run.ranAt(), "run ranAt");
    Jdbc.Binder binder =
        statement -> {
          statement.setString(1, run.modelVersion().value());
          statement.setLong(2, start);
          statement.setLong(3, end);
          statement.setLong(4, run.evaluated());
          statement.setLong(5, run.accurate());
          statement.setDouble(6, run.accuracy());
          statement.setDouble(7, run.coincidenceThreshold());
          statement.setDouble(8, run.accuracyThreshold());
          statement.setString(9, run.decision().name());
          statement.setString(10, run.candidate().map(ModelVersion::value).orElse(null));
          statement.setLong(11, ranAt);
          statement.setString(12, run.id());
        };
    List<Map.Entry<TaskName, TaskMetrics>> tasks = new ArrayList<>(run.tasks().entrySet());
    String action = "saving validation run " + run.id();
    jdbc.inTransaction(
        action,
        connection -> {
          int updated =
              Jdbc.update(
                  connection,
                  "UPDATE validation_runs SET model_version = ?, window_start_ns = ?,"
                      + " window_end_ns = ?, evaluated = ?, accurate = ?, accuracy = ?,"
                      + " coincidence_threshold = ?, accuracy_threshold = ?, decision = ?,"
                      + " candidate = ?, ran_at_ns = ? WHERE id = ?",
                  binder);
          if (updated == 0) {
            Jdbc.update(
                connection,
                "INSERT INTO validation_runs ("
                    + COLUMNS
                    + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                binder);
          }
          Jdbc.update(
              connection,
              "DELETE FROM validation_run_tasks WHERE run_id = ?",
              statement -> statement.setString(1, run.id()));
          return jdbc.batch(
              connection,
              action,
              "INSERT INTO validation_run_tasks ("
                  + TASK_COLUMNS
                  + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              tasks,
              (statement, task) -> {
                TaskMetrics metrics = task.getValue();
                statement.setString(1, run.id());
                statement.setString(2, task.getKey().value());
                statement.setDouble(3, metrics.auc());
                statement.setDouble(4, metrics.accuracy());
                statement.setLong(5, metrics.labelled());
                statement.setDouble(6, metrics.positiveRate());
                statement.setDouble(7, metrics.logLoss());
                statement.setDouble(8, metrics.calibrationError());
              },
              i -> "tasks[" + i + "] (" + tasks.get(i).getKey() + ")");
        });
  }

  @Override
  public List<ValidationRun> list() {
    return jdbc.read("listing validation runs", connection -> runs(connection, NEWEST_FIRST));
  }

  @Override
  public Optional<ValidationRun> latest() {
    return jdbc.read(
        "reading the latest validation run",
        connection ->
            runs(connection, NEWEST_FIRST + " FETCH FIRST 1 ROWS ONLY").stream().findFirst());
  }

  private static List<ValidationRun> runs(Connection connection, String clause)
      throws SQLException {
    List<ValidationRun> runs =
        Jdbc.list(
            connection,
            "SELECT " + COLUMNS + " FROM validation_runs" + clause,
            Jdbc.NO_PARAMETERS,
            JdbcValidationRuns::read);
    if (runs.isEmpty()) {
      return runs;
    }
    Map<String, Map<TaskName, TaskMetrics>> tasks = new HashMap<>();
    String only = runs.size() == 1 ? " WHERE run_id = ?" : "";
    Jdbc.list(
            connection,
            "SELECT " + TASK_COLUMNS + " FROM validation_run_tasks" + only,
            statement -> {
              if (runs.size() == 1) {
                statement.setString(1, runs.get(0).id());
              }
            },
            row ->
                Map.entry(
                    row.getString(1),
                    Map.entry(
                        TaskName.of(row.getString(2)),
                        new TaskMetrics(
                            row.getDouble(3),
                            row.getDouble(4),
                            row.getLong(5),
                            row.getDouble(6),
                            row.getDouble(7),
                            row.getDouble(8)))))
        .forEach(
            entry ->
                tasks
                    .computeIfAbsent(entry.getKey(), key -> new HashMap<>())
                    .put(entry.getValue().getKey(), entry.getValue().getValue()));
    List<ValidationRun> result = new ArrayList<>();
    for (ValidationRun run : runs) {
      result.add(
          new ValidationRun(
              run.id(),
              run.modelVersion(),
              run.window(),
              run.evaluated(),
              run.accurate(),
              run.accuracy(),
              run.coincidenceThreshold(),
              run.accuracyThreshold(),
              tasks.getOrDefault(run.id(), Map.of()),
              run.decision(),
              run.candidate(),
              run.ranAt()));
    }
    return result;
  }

  /** The run without its tasks, which {@link #runs} adds. */
  private static ValidationRun read(ResultSet row) throws SQLException {
    String id = row.getString(12);
    try {
      return new ValidationRun(
          id,
          ModelVersion.of(row.getString(1)),
          TimeWindow.of(Instants.fromNanos(row.getLong(2)), Instants.fromNanos(row.getLong(3))),
          row.getLong(4),
          row.getLong(5),
          row.getDouble(6),
          row.getDouble(7),
          row.getDouble(8),
          Map.of(),
          Decision.valueOf(row.getString(9)),
          Optional.ofNullable(row.getString(10)).map(ModelVersion::of),
          Instants.fromNanos(row.getLong(11)));
    } catch (IllegalArgumentException e) {
      throw new PersistenceException(
          "stored validation run " + id + " cannot be read: " + e.getMessage(), e);
    }
  }
}
