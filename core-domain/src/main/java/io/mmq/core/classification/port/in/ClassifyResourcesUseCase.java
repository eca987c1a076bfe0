package io.mmq.core.classification.port.in;

import io.mmq.core.common.CallerState;

/**
 * Classifies resources with the active model (R6, claim 12): per-task probabilities and labels,
 * and the quality class from the configured aggregation policy. Resources given by id are read
 * from the catalogue. Every result of one call comes from the same model version, even while a
 * new model is being activated.
 */
public interface ClassifyResourcesUseCase {
  /**
   * @throws io.mmq.core.common.NotFoundException naming the ids that are not in the catalogue
   * @throws io.mmq.core.common.PreconditionFailedException when no model is active
   */
  default ClassifyResourcesResult classify(ClassifyResourcesCommand command) {
    return classify(command, CallerState.UNBOUNDED);
  }

  /**
   * Classifies for a caller that may give up while its resources wait to be predicted.
   *
   * @throws io.mmq.core.common.NotFoundException naming the ids that are not in the catalogue
   * @throws io.mmq.core.common.PreconditionFailedException when no model is active
   * @throws io.mmq.core.common.OverloadedException when more resources wait than the service takes
   * @throws io.mmq.core.common.CallerGoneException when the caller gave up while waiting
   */
  ClassifyResourcesResult classify(ClassifyResourcesCommand command, CallerState caller);
}
