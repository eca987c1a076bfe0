package io.mmq.persistence;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.JobKind;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.port.out.TrainingJobs;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link TrainingJobs} in {@code training_jobs}: save updates the row with the job's id or inserts
 * one; listed newest first (creation time, then first-save order). A job's kind is NULL in rows
 * written before kinds were stored (read back as an empty kind). An error message is kept up to
 * {@value #MAX_ERROR} characters.
 */
final class JdbcTrainingJobs implements TrainingJobs {
  private static final String COLUMNS =
      "window_start_ns, window_end_ns, state, step, total_steps, error, result_version,"
          + " created_at_ns, updated_at_ns, kind, id";

  /** The longest error kept; a longer one is cut (the column and H2's pages stay small). */
  static final int MAX_ERROR = 10_000;

  private final Jdbc jdbc;

  @Inject
  JdbcTrainingJobs(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public void save(TrainingJob job) {
    Objects.requireNonNull(job, "job is null");
    long start = Instants.toNanos(job.window().start(), "job window start");
    long end = Instants.toNanos(job.window().end(), "job window end");
    long createdAt = Instants.toNanos(job.createdAt(), "job createdAt");
    long updatedAt = Instants.toNanos(job.updatedAt(), "job updatedAt");
    Jdbc.Binder binder =
        statement -> {
          statement.setLong(1, start);
          statement.setLong(2, end);
          statement.setString(3, job.state().name());
          statement.setInt(4, job.step());
          statement.setInt(5, job.totalSteps());
          statement.setString(
              6, job.error().map(error -> Jdbc.text(error, MAX_ERROR)).orElse(null));
          statement.setString(7, job.result().map(ModelVersion::value).orElse(null));
          statement.setLong(8, createdAt);
          statement.setLong(9, updatedAt);
          statement.setString(10, job.kind().map(JobKind::name).orElse(null));
          statement.setString(11, job.id().value());
        };
    jdbc.inTransaction(
        "saving training job " + job.id(),
        connection -> {
          int updated =
              Jdbc.update(
                  connection,
                  "UPDATE training_jobs SET window_start_ns = ?, window_end_ns = ?, state = ?,"
                      + " step = ?, total_steps = ?, error = ?, result_version = ?,"
                      + " created_at_ns = ?, updated_at_ns = ?, kind = ? WHERE id = ?",
                  binder);
          if (updated == 0) {
            Jdbc.update(
                connection,
                "INSERT INTO training_jobs (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                binder);
          }
          return null;
        });
  }

  @Override
  public Optional<TrainingJob> find(JobId id) {
    Objects.requireNonNull(id, "id is null");
    return jdbc.one(
        "reading training job " + id,
        "SELECT " + COLUMNS + " FROM training_jobs WHERE id = ?",
        statement -> statement.setString(1, id.value()),
        JdbcTrainingJobs::read);
  }

  @Override
  public List<TrainingJob> list() {
    return jdbc.list(
        "listing training jobs",
        "SELECT " + COLUMNS + " FROM training_jobs ORDER BY created_at_ns DESC, seq DESC",
        Jdbc.NO_PARAMETERS,
        JdbcTrainingJobs::read);
  }

  private static TrainingJob read(ResultSet row) throws SQLException {
    String id = row.getString(11);
    try {
      return new TrainingJob(
          new JobId(id),
          Optional.ofNullable(row.getString(10)).map(JobKind::valueOf),
          TimeWindow.of(Instants.fromNanos(row.getLong(1)), Instants.fromNanos(row.getLong(2))),
          JobState.valueOf(row.getString(3)),
          row.getInt(4),
          row.getInt(5),
          Optional.ofNullable(row.getString(6)),
          Optional.ofNullable(row.getString(7)).map(ModelVersion::of),
          Instants.fromNanos(row.getLong(8)),
          Instants.fromNanos(row.getLong(9)));
    } catch (IllegalArgumentException e) {
      throw new PersistenceException(
          "stored training job " + id + " cannot be read: " + e.getMessage(), e);
    }
  }
}
