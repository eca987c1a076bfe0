package io.mmq.core.recommendation.model;

import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.common.Checks;
import io.mmq.core.resource.model.ResourceId;
import java.util.Objects;
import java.util.Optional;

/**
 * A re-weighted candidate (R7): its base and final score, its quality (empty when unknown), why the
 * score changed or not, and its 0-based position in the candidate list it came from.
 */
public record RankedItem(
    ResourceId id,
    double baseScore,
    double finalScore,
    Optional<QualityClass> quality,
    String reason,
    int originalPosition) {

  public RankedItem {
    Objects.requireNonNull(id, "id is null");
    Checks.requireFinite(baseScore, "baseScore");
    Checks.requireFinite(finalScore, "finalScore");
    Objects.requireNonNull(quality, "quality is null");
    Checks.requireNonBlank(reason, "reason");
    if (originalPosition < 0) {
      throw new IllegalArgumentException(
          "originalPosition must not be negative, was " + originalPosition);
    }
  }
}
