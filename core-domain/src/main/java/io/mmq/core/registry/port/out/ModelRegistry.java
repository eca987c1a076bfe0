package io.mmq.core.registry.port.out;

import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
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
   * Makes {@code version} the active model and retires the previously active one, atomically.
   */
  void activate(ModelVersion version);

  void setStatus(ModelVersion version, ModelStatus status);
}
