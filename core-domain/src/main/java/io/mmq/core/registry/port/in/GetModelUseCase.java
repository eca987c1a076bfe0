package io.mmq.core.registry.port.in;

import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import java.util.Optional;

/** Reads one registered model, or the active one. */
public interface GetModelUseCase {
  /** @throws io.mmq.core.common.NotFoundException naming the version when it is not registered */
  ModelRecord get(ModelVersion version);

  /** The model serving now; empty before the first training. */
  Optional<ModelRecord> active();
}
