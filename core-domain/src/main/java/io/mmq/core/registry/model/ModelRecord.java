package io.mmq.core.registry.model;

import io.mmq.core.task.model.TaskSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A model in the registry: version, status, the tasks it predicts, provenance and checksum, and
 * when it last became ACTIVE ({@code activatedAt}: empty for a model never activated, or activated
 * before activation times were recorded). A model keeps its activation time when it is retired, so
 * a retired model tells when it was last made active.
 */
public record ModelRecord(
    ModelVersion version,
    ModelStatus status,
    TaskSet tasks,
    Provenance provenance,
    String checksum,
    Instant createdAt,
    Optional<Instant> activatedAt) {

  public ModelRecord {
    Objects.requireNonNull(version, "version is null");
    Objects.requireNonNull(status, "status is null");
    Objects.requireNonNull(tasks, "tasks is null");
    Objects.requireNonNull(provenance, "provenance is null");
    Objects.requireNonNull(checksum, "checksum is null");
    Objects.requireNonNull(createdAt, "createdAt is null");
    Objects.requireNonNull(activatedAt, "activatedAt is null");
  }

  /** The same model with another status; its activation time is kept. */
  public ModelRecord withStatus(ModelStatus newStatus) {
    return new ModelRecord(version, newStatus, tasks, provenance, checksum, createdAt, activatedAt);
  }

  /** The same model made ACTIVE at {@code at}. */
  public ModelRecord activated(Instant at) {
    Objects.requireNonNull(at, "at is null");
    return new ModelRecord(
        version, ModelStatus.ACTIVE, tasks, provenance, checksum, createdAt, Optional.of(at));
  }
}
