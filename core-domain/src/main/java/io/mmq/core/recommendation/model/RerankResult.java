package io.mmq.core.recommendation.model;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of re-weighting: the kept items by final score (highest first) and the items
 * filtered out as low quality, in their original order.
 */
public record RerankResult(List<RankedItem> ranked, List<RankedItem> filtered) {
  public RerankResult {
    ranked = List.copyOf(Objects.requireNonNull(ranked, "ranked is null"));
    filtered = List.copyOf(Objects.requireNonNull(filtered, "filtered is null"));
  }
}
