package io.mmq.core.validation.port.in;

import io.mmq.core.validation.model.ValidationRun;
import java.util.List;

/** Every recorded validation run, newest first. */
public interface ListValidationRunsUseCase {
  List<ValidationRun> list();
}
