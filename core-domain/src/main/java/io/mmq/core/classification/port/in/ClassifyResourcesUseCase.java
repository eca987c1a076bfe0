package io.mmq.core.classification.port.in;

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
  ClassifyResourcesResult classify(ClassifyResourcesCommand command);
}
