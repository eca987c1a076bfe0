package io.mmq.core.registry.port.in;

/**
 * Makes a registered model the active one; the previously active model is RETIRED in the same
 * step, so at most one model is ever active. Promoting the active model changes nothing.
 */
public interface PromoteModelUseCase {
  /** @throws io.mmq.core.common.NotFoundException naming the version when it is not registered */
  ModelChange promote(PromoteModelCommand command);
}
