package io.mmq.core.validation.port.out;

import io.mmq.core.validation.model.ValidationRun;
import java.util.List;
import java.util.Optional;

/** Recorded validation runs. */
public interface ValidationRuns {
  void save(ValidationRun run);

  /** Every run, newest first. */
  List<ValidationRun> list();

  Optional<ValidationRun> latest();
}
