package io.mmq.core.registry.port.in;

/**
 * Re-activates an earlier model (R19) and retires the active one. Without a named version the
 * target is the most recent RETIRED model registered before the active one, i.e. the one that
 * served before it (rejected candidates stay CANDIDATE and are never picked). A named version must
 * be registered before the active one and must not be active.
 */
public interface RollbackModelUseCase {
  /**
   * @throws io.mmq.core.common.PreconditionFailedException when no model is active, or there is no
   *     earlier model to go back to, or the named version is the active one or newer than it
   * @throws io.mmq.core.common.NotFoundException naming the version when it is not registered
   */
  ModelChange rollback(RollbackModelCommand command);
}
