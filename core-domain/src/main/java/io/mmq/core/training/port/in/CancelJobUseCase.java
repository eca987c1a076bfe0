package io.mmq.core.training.port.in;

import io.mmq.core.training.model.JobId;

/** Cancels a training job; the active model is never touched. */
public interface CancelJobUseCase {
  /** @throws io.mmq.core.common.NotFoundException naming the id when there is no such job */
  CancelJobResult cancel(JobId id);
}
