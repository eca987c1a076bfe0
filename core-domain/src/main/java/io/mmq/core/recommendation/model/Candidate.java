package io.mmq.core.recommendation.model;

import io.mmq.core.common.Checks;
import io.mmq.core.resource.model.ResourceId;
import java.util.Objects;

/**
 * A candidate of the feed recommender with its base score (R7). The score is finite and not
 * negative: re-weighting multiplies it, and multiplying a negative score by a boost would lower it.
 */
public record Candidate(ResourceId id, double baseScore) {
  public Candidate {
    Objects.requireNonNull(id, "id is null");
    Checks.requireFinite(baseScore, "baseScore");
    if (baseScore < 0) {
      throw new IllegalArgumentException(
          "baseScore must not be negative, was "
              + baseScore
              + " (a boost would lower a negative score; shift scores to be >= 0)");
    }
  }

  public static Candidate of(String id, double baseScore) {
    return new Candidate(ResourceId.of(id), baseScore);
  }
}
