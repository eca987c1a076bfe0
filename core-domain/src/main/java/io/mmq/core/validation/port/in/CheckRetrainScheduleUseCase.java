package io.mmq.core.validation.port.in;

/** Says whether the active model is due for validation (R8: every N days, 5 by default). */
public interface CheckRetrainScheduleUseCase {
  RetrainScheduleStatus check();
}
