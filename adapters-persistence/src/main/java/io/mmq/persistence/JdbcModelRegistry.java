package io.mmq.persistence;

import io.mmq.core.common.ConflictException;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.model.Provenance;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskSet;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ModelRegistry} in {@code models}, {@code model_tasks} and {@code model_artifact_chunks}.
 * The artifact is stored as numbered chunks in the database, so any replica on the same database
 * loads the active model; the database also enforces that at most one model is ACTIVE. Registering
 * an ACTIVE record or activating one retires the previous active model in the same transaction;
 * activating records the activation time in that transaction.
 */
final class JdbcModelRegistry implements ModelRegistry {
  static final int CHUNK_SIZE = 1 << 20;

  private static final String COLUMNS =
      "version, status, data_window_start_ns, data_window_end_ns, seed, hyperparameters, metrics,"
          + " trained_at_ns, fine_tuned_from, checksum, created_at_ns, activated_at_ns";
  private static final String NEWEST_FIRST = " ORDER BY created_at_ns DESC, seq DESC";
  private static final String RETIRE_ACTIVE =
      "UPDATE models SET status = 'RETIRED', active_marker = NULL WHERE status = 'ACTIVE'";

  private final Jdbc jdbc;

  @Inject
  JdbcModelRegistry(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public void register(ModelRecord record, ModelArtifact artifact) {
    Objects.requireNonNull(record, "record is null");
    Objects.requireNonNull(artifact, "artifact is null");
    if (!record.checksum().equals(artifact.checksum())) {
      throw new IllegalArgumentException(
          "record checksum " + record.checksum() + " is not the artifact's " + artifact.checksum());
    }
    ModelVersion version = record.version();
    Provenance provenance = record.provenance();
    long windowStart = Instants.toNanos(provenance.dataWindow().start(), "provenance window start");
    long windowEnd = Instants.toNanos(provenance.dataWindow().end(), "provenance window end");
    long trainedAt = Instants.toNanos(provenance.trainedAt(), "provenance trainedAt");
    long createdAt = Instants.toNanos(record.createdAt(), "createdAt");
    Long activatedAt =
        record.activatedAt().map(at -> Instants.toNanos(at, "activatedAt")).orElse(null);
    byte[] bytes = artifact.bytes();
    int chunkCount = (bytes.length + CHUNK_SIZE - 1) / CHUNK_SIZE;
    String action = "registering model " + version;
    jdbc.inTransaction(
        action,
        connection -> {
          if (statusOf(connection, version, false).isPresent()) {
            throw new ConflictException("model " + version + " is already registered");
          }
          if (record.status() == ModelStatus.ACTIVE) {
            Jdbc.update(connection, RETIRE_ACTIVE, Jdbc.NO_PARAMETERS);
          }
          Jdbc.update(
              connection,
              "INSERT INTO models ("
                  + COLUMNS
                  + ", active_marker, artifact_size, chunk_count)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              statement -> {
                statement.setString(1, version.value());
                statement.setString(2, record.status().name());
                statement.setLong(3, windowStart);
                statement.setLong(4, windowEnd);
                statement.setLong(5, provenance.seed());
                statement.setString(6, FlatJson.ofStrings(provenance.hyperparameters()));
                statement.setString(7, FlatJson.ofNumbers(provenance.metrics()));
                statement.setLong(8, trainedAt);
                statement.setString(
                    9, provenance.fineTunedFrom().map(ModelVersion::value).orElse(null));
                statement.setString(10, record.checksum());
                statement.setLong(11, createdAt);
                statement.setObject(12, activatedAt, Types.BIGINT);
                bindMarker(statement, 13, record.status());
                statement.setLong(14, artifact.size());
                statement.setInt(15, chunkCount);
              });
          List<Task> tasks = record.tasks().tasks();
          List<Integer> positions = new ArrayList<>();
          for (int i = 0; i < tasks.size(); i++) {
            positions.add(i);
          }
          jdbc.batch(
              connection,
              action,
              "INSERT INTO model_tasks (version, position, "
                  + TaskRows.COLUMNS
                  + ")"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              positions,
              (statement, position) -> {
                statement.setString(1, version.value());
                statement.setInt(2, position);
                TaskRows.bind(statement, 3, tasks.get(position));
              },
              i -> "tasks[" + i + "] (" + tasks.get(i).name() + ")");
          for (int chunk = 0; chunk < chunkCount; chunk++) {
            int number = chunk;
            int start = chunk * CHUNK_SIZE;
            int length = Math.min(CHUNK_SIZE, bytes.length - start);
            // one statement per chunk, streamed from the artifact's bytes: no copy of each chunk,
            // and a batch would hold every chunk in the driver at once
            Jdbc.update(
                connection,
                "INSERT INTO model_artifact_chunks (version, chunk_no, bytes) VALUES (?, ?, ?)",
                statement -> {
                  statement.setString(1, version.value());
                  statement.setInt(2, number);
                  statement.setBinaryStream(
                      3, new ByteArrayInputStream(bytes, start, length), length);
                });
          }
          return null;
        });
  }

  @Override
  public Optional<ModelRecord> find(ModelVersion version) {
    Objects.requireNonNull(version, "version is null");
    return first("reading model " + version, " WHERE version = ?", version);
  }

  @Override
  public List<ModelRecord> list() {
    return jdbc.read("listing models", connection -> records(connection, NEWEST_FIRST, null));
  }

  @Override
  public Optional<ModelRecord> active() {
    return first("reading the active model", " WHERE status = 'ACTIVE'", null);
  }

  @Override
  public ModelArtifact loadArtifact(ModelVersion version) {
    Objects.requireNonNull(version, "version is null");
    return jdbc.inTransaction(
        "loading the artifact of model " + version,
        connection -> {
          Map.Entry<String, Long> stored =
              Jdbc.one(
                      connection,
                      "SELECT checksum, artifact_size FROM models WHERE version = ?",
                      statement -> statement.setString(1, version.value()),
                      row -> Map.entry(row.getString(1), row.getLong(2)))
                  .orElseThrow(() -> notFound(version));
          byte[] bytes = new byte[Math.toIntExact(stored.getValue())];
          int filled = 0;
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT bytes FROM model_artifact_chunks WHERE version = ? ORDER BY chunk_no")) {
            statement.setString(1, version.value());
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                byte[] chunk = rows.getBytes(1);
                if (filled + chunk.length > bytes.length) {
                  throw corrupt(
                      version, "its chunks hold more than the recorded " + bytes.length + " bytes");
                }
                System.arraycopy(chunk, 0, bytes, filled, chunk.length);
                filled += chunk.length;
              }
            }
          }
          if (filled != bytes.length) {
            throw corrupt(
                version,
                "its chunks hold " + filled + " of the recorded " + bytes.length + " bytes");
          }
          return ModelArtifact.verified(bytes, stored.getKey());
        });
  }

  @Override
  public void activate(ModelVersion version, Instant activatedAt) {
    Objects.requireNonNull(version, "version is null");
    long at = Instants.toNanos(activatedAt, "activatedAt");
    jdbc.inTransaction(
        "activating model " + version,
        connection -> {
          ModelStatus status =
              statusOf(connection, version, true).orElseThrow(() -> notFound(version));
          if (status != ModelStatus.ACTIVE) {
            Jdbc.update(connection, RETIRE_ACTIVE, Jdbc.NO_PARAMETERS);
            Jdbc.update(
                connection,
                "UPDATE models SET status = 'ACTIVE', active_marker = TRUE, activated_at_ns = ?"
                    + " WHERE version = ?",
                statement -> {
                  statement.setLong(1, at);
                  statement.setString(2, version.value());
                });
          }
          return null;
        });
  }

  @Override
  public void setStatus(ModelVersion version, ModelStatus status) {
    Objects.requireNonNull(version, "version is null");
    Objects.requireNonNull(status, "status is null");
    if (status == ModelStatus.ACTIVE) {
      throw new IllegalArgumentException("a model becomes ACTIVE through activate, not setStatus");
    }
    jdbc.inTransaction(
        "setting model " + version + " to " + status,
        connection -> {
          if (setStatus(connection, version, status) == 0) {
            throw notFound(version);
          }
          return null;
        });
  }

  private Optional<ModelRecord> first(String action, String where, ModelVersion version) {
    return jdbc.read(
        action, connection -> records(connection, where, version).stream().findFirst());
  }

  /** The models the clause selects, with their tasks; {@code version} binds its one parameter. */
  private static List<ModelRecord> records(
      Connection connection, String clause, ModelVersion version) throws SQLException {
    Jdbc.Binder binder =
        version == null ? Jdbc.NO_PARAMETERS : statement -> statement.setString(1, version.value());
    Map<String, List<Task>> tasks = new HashMap<>();
    String taskQuery =
        "SELECT version, "
            + TaskRows.COLUMNS
            + " FROM model_tasks"
            + (version == null ? "" : " WHERE version = ?")
            + " ORDER BY version, position";
    for (Map.Entry<String, Task> entry :
        Jdbc.list(
            connection,
            taskQuery,
            binder,
            row -> Map.entry(row.getString(1), TaskRows.read(row, 2)))) {
      tasks.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue());
    }
    return Jdbc.list(
        connection, "SELECT " + COLUMNS + " FROM models" + clause, binder, row -> read(row, tasks));
  }

  private static ModelRecord read(ResultSet row, Map<String, List<Task>> tasks)
      throws SQLException {
    String version = row.getString(1);
    try {
      Provenance provenance =
          new Provenance(
              TimeWindow.of(Instants.fromNanos(row.getLong(3)), Instants.fromNanos(row.getLong(4))),
              row.getLong(5),
              FlatJson.toStrings(row.getString(6)),
              FlatJson.toNumbers(row.getString(7)),
              Instants.fromNanos(row.getLong(8)),
              Optional.ofNullable(row.getString(9)).map(ModelVersion::of));
      return new ModelRecord(
          ModelVersion.of(version),
          ModelStatus.valueOf(row.getString(2)),
          new TaskSet(tasks.getOrDefault(version, List.of())),
          provenance,
          row.getString(10),
          Instants.fromNanos(row.getLong(11)),
          Optional.ofNullable(row.getObject(12, Long.class)).map(Instants::fromNanos));
    } catch (IllegalArgumentException e) {
      throw new PersistenceException(
          "stored model " + version + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static Optional<ModelStatus> statusOf(
      Connection connection, ModelVersion version, boolean lock) throws SQLException {
    return Jdbc.one(
        connection,
        "SELECT status FROM models WHERE version = ?" + (lock ? " FOR UPDATE" : ""),
        statement -> statement.setString(1, version.value()),
        row -> ModelStatus.valueOf(row.getString(1)));
  }

  private static int setStatus(Connection connection, ModelVersion version, ModelStatus status)
      throws SQLException {
    return Jdbc.update(
        connection,
        "UPDATE models SET status = ?, active_marker = ? WHERE version = ?",
        statement -> {
          statement.setString(1, status.name());
          bindMarker(statement, 2, status);
          statement.setString(3, version.value());
        });
  }

  /** TRUE for the ACTIVE model, NULL otherwise: the column is UNIQUE, NULLs are distinct. */
  private static void bindMarker(PreparedStatement statement, int index, ModelStatus status)
      throws SQLException {
    switch (status) {
      case ACTIVE -> statement.setBoolean(index, true);
      case CANDIDATE, RETIRED -> statement.setNull(index, Types.BOOLEAN);
    }
  }

  private static ModelArtifact.CorruptArtifactException corrupt(ModelVersion version, String why) {
    return new ModelArtifact.CorruptArtifactException(
        "artifact of model " + version + " is damaged: " + why);
  }

  private static NotFoundException notFound(ModelVersion version) {
    return new NotFoundException("model " + version + " not found");
  }
}
