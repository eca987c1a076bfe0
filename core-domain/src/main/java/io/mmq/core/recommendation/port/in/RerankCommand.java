package io.mmq.core.recommendation.port.in;

import io.mmq.core.recommendation.policy.ReweightingPolicy;
import io.mmq.core.resource.model.ResourceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Candidates to re-weight (at least one, ids unique), and optionally a re-weighting policy for this
 * call instead of the configured one (another boost, demotion or the low-quality filter).
 */
public record RerankCommand(List<RerankCandidate> candidates, Optional<ReweightingPolicy> policy) {
  public static final int MAX_CANDIDATES = 10_000;

  public RerankCommand {
    candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates is null"));
    Objects.requireNonNull(policy, "policy is null");
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("candidates is empty: give at least one candidate");
    }
    if (candidates.size() > MAX_CANDIDATES) {
      throw new IllegalArgumentException(
          "candidates has " + candidates.size() + " entries; at most " + MAX_CANDIDATES
              + " allowed");
    }
    Map<ResourceId, Integer> seen = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      Integer first = seen.putIfAbsent(candidates.get(i).resource().id(), i);
      if (first != null) {
        throw new IllegalArgumentException(
            "candidates[" + i + "].id '" + candidates.get(i).resource().id()
                + "' repeats candidates[" + first + "]");
      }
    }
  }

  /** The candidates with the configured policy. */
  public static RerankCommand of(RerankCandidate... candidates) {
    return new RerankCommand(List.of(candidates), Optional.empty());
  }

  public RerankCommand withPolicy(ReweightingPolicy newPolicy) {
    return new RerankCommand(candidates, Optional.of(newPolicy));
  }
}
