package io.mmq.core.training.port.in;

import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.TrainingJob;

/** Reads one training job. */
public interface GetJobUseCase {
  /** @throws io.mmq.core.common.NotFoundException naming the id when there is no such job */
  TrainingJob get(JobId id);
}
