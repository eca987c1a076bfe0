package io.mmq.core.recommendation.port.in;

import io.mmq.core.classification.port.in.ResourceRef;
import io.mmq.core.recommendation.model.Candidate;
import java.util.Objects;

/** A candidate of the recommender: the resource (whole or by id) and its base score. */
public record RerankCandidate(ResourceRef resource, double baseScore) {
  public RerankCandidate {
    Objects.requireNonNull(resource, "resource is null");
    new Candidate(resource.id(), baseScore); // the same score rules as the policy's candidates
  }

  public static RerankCandidate byId(String id, double baseScore) {
    return new RerankCandidate(ResourceRef.byId(id), baseScore);
  }

  public Candidate candidate() {
    return new Candidate(resource.id(), baseScore);
  }
}
