package io.mmq.core.registry.model;

import io.mmq.core.task.model.TaskSet;
import java.time.Instant;
import java.util.Objects;

/** A model in the registry: version, status, the tasks it predicts, provenance and checksum. */
public record ModelRecord(
    ModelVersion version,
    ModelStatus status,
    TaskSet tasks,
    Provenance provenance,
    String checksum,
    Instant createdAt) {

  public ModelRecord {
    Objects.requireNonNull(version, "version is null");
    Objects.requireNonNull(status, "status is null");
    Objects.requireNonNull(tasks, "tasks is null");
    Objects.requireNonNull(provenance, "provenance is null");
    Objects.requireNonNull(checksum, "checksum is null");
    Objects.requireNonNull(createdAt, "createdAt is null");
  }

  public ModelRecord withStatus(ModelStatus newStatus) {
    return new ModelRecord(version, newStatus, tasks, provenance, checksum, createdAt);
  }
}
