package io.mmq.core.registry.port.in;

import io.mmq.core.registry.model.ModelRecord;
import java.util.List;

/** Every registered model, newest first. */
public interface ListModelsUseCase {
  List<ModelRecord> list();
}
