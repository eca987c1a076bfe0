package io.mmq.core.recommendation.port.in;

/**
 * Re-weights the recommender's candidates by quality (R7, claim 12, fig. 13A): each candidate is
 * classified by the active model, then the re-weighting policy boosts, demotes or filters it, and
 * says why.
 */
public interface RerankUseCase {
  /**
   * @throws io.mmq.core.common.NotFoundException naming the ids not in the catalogue
   * @throws io.mmq.core.common.PreconditionFailedException when no model is active
   */
  RerankCandidatesResult rerank(RerankCommand command);
}
