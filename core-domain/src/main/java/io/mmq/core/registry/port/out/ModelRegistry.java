package io.mmq.core.registry.port.out;

import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored models, their artifacts and which one is active. At most one model is ACTIVE. */
public interface ModelRegistry {

  /** Stores a new model with its artifact. The record's checksum is the artifact's. */
  void register(ModelRecord record, ModelArtifact artifact);

  Optional<ModelRecord> find(ModelVersion version);

  /** Every model, newest first. */
  List<ModelRecord> list();

  Optional<ModelRecord> active();

  /**
   * Loads a model's artifact, verifying its checksum.
   *
   * @throws io.mmq.core.registry.model.ModelArtifact.CorruptArtifactException on a mismatch
   */
  ModelArtifact loadArtifact(ModelVersion version);

  /**
   * Makes {@code version} the active model, activated at {@code activatedAt}, and retires the
   * previously active one, atomically. Activating the active model changes nothing (its activation
   * time included). A retired model keeps its activation time.
   */
  void activate(ModelVersion version, Instant activatedAt);

  /**
   * Sets a model CANDIDATE or RETIRED (it keeps its activation time).
   *
   * @throws IllegalArgumentException for ACTIVE: a model becomes active through {@link #activate}
   */
  void setStatus(ModelVersion version, ModelStatus status);
}
