package io.mmq.core.training.port.in;

import io.mmq.core.training.model.TrainingJob;
import java.util.List;

/** Every training job, newest first. */
public interface ListJobsUseCase {
  List<TrainingJob> list();
}
