package io.mmq.core.recommendation.port.in;

import io.mmq.core.common.CallerState;

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
  default RerankCandidatesResult rerank(RerankCommand command) {
    return rerank(command, CallerState.UNBOUNDED);
  }

  /**
   * Re-ranks for a caller that may give up while its candidates wait to be classified.
   *
   * @throws io.mmq.core.common.NotFoundException naming the ids not in the catalogue
   * @throws io.mmq.core.common.PreconditionFailedException when no model is active
   * @throws io.mmq.core.common.OverloadedException when more resources wait than the service takes
   * @throws io.mmq.core.common.CallerGoneException when the caller gave up while waiting
   */
  RerankCandidatesResult rerank(RerankCommand command, CallerState caller);
}
