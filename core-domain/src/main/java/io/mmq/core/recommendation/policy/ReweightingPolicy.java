package io.mmq.core.recommendation.policy;

import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.common.Checks;
import io.mmq.core.recommendation.model.Candidate;
import io.mmq.core.recommendation.model.RankedItem;
import io.mmq.core.recommendation.model.RerankResult;
import io.mmq.core.resource.model.ResourceId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Re-weighting of the recommender's candidates by quality (claim 12, fig. 13A, R7):
 *
 * <ul>
 *   <li>HIGH quality: {@code final = base * boost} ({@code boost >= 1});
 *   <li>LOW quality: {@code final = base * demotion} ({@code 0 <= demotion <= 1}), or, when {@code
 *       filterLowQuality}, the item leaves the ranking and is reported in {@link
 *       RerankResult#filtered()} (with final score 0, in input order);
 *   <li>unknown quality (no entry in the map): unchanged.
 * </ul>
 *
 * The ranking is by final score, highest first; the sort is stable, so equal scores keep the input
 * order. Base scores are finite and not negative ({@link Candidate} checks it: multiplying a
 * negative score by a boost would demote it); candidate ids are unique. Each item says why, e.g.
 * {@code "high quality: base 0.50 x boost 1.20 = 0.60"}; numbers show at least 2 and at most 4
 * decimals.
 *
 * <pre>{@code
 * ReweightingPolicy policy = new ReweightingPolicy(1.2, 0.8, false);
 * RerankResult result =
 *     policy.rerank(candidates, Map.of(ResourceId.of("a-1"), QualityClass.HIGH));
 * result.ranked().get(0).reason(); // "high quality: base 0.50 x boost 1.20 = 0.60"
 * }</pre>
 */
public record ReweightingPolicy(double boost, double demotion, boolean filterLowQuality) {
  /** Boost 1.2, demotion 0.8, no filter. */
  public static final ReweightingPolicy DEFAULT = new ReweightingPolicy(1.2, 0.8, false);

  /** Leaves every score as it is (the ranking is only sorted). */
  public static final ReweightingPolicy NEUTRAL = new ReweightingPolicy(1.0, 1.0, false);

  /** The largest boost accepted. */
  public static final double MAX_BOOST = 1_000;

  public ReweightingPolicy {
    Checks.requireFinite(boost, "boost");
    if (boost < 1 || boost > MAX_BOOST) {
      throw new IllegalArgumentException(
          "boost must be in [1, " + MAX_BOOST + "], was " + boost);
    }
    Checks.requireInRange(demotion, 0, 1, "demotion");
  }

  /** The same boost and demotion, filtering low quality out. */
  public ReweightingPolicy filtering() {
    return new ReweightingPolicy(boost, demotion, true);
  }

  /**
   * Re-weights and sorts the candidates.
   *
   * @param qualities the known quality of some candidates; entries for other ids are ignored
   * @throws IllegalArgumentException when a candidate id repeats
   */
  public RerankResult rerank(List<Candidate> candidates, Map<ResourceId, QualityClass> qualities) {
    Objects.requireNonNull(candidates, "candidates is null");
    Objects.requireNonNull(qualities, "qualities is null");
    Map<ResourceId, Integer> seen = new HashMap<>();
    List<RankedItem> ranked = new ArrayList<>(candidates.size());
    List<RankedItem> filtered = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate candidate = candidates.get(i);
      Objects.requireNonNull(candidate, "candidates[" + i + "] is null");
      Integer first = seen.putIfAbsent(candidate.id(), i);
      if (first != null) {
        throw new IllegalArgumentException(
            "candidates["
                + i
                + "].id '"
                + candidate.id()
                + "' repeats candidates["
                + first
                + "]; candidate ids must be unique");
      }
      Optional<QualityClass> quality = Optional.ofNullable(qualities.get(candidate.id()));
      if (quality.isPresent() && quality.get() == QualityClass.LOW && filterLowQuality) {
        filtered.add(
            new RankedItem(
                candidate.id(),
                candidate.baseScore(),
                0,
                quality,
                "low quality: filtered out (base " + format(candidate.baseScore()) + ")",
                i));
      } else {
        ranked.add(reweigh(candidate, quality, i));
      }
    }
    ranked.sort(Comparator.comparingDouble(RankedItem::finalScore).reversed());
    return new RerankResult(ranked, filtered);
  }

  private RankedItem reweigh(Candidate candidate, Optional<QualityClass> quality, int position) {
    double base = candidate.baseScore();
    if (quality.isEmpty()) {
      String reason = "quality unknown: base " + format(base) + " kept";
      return new RankedItem(candidate.id(), base, base, quality, reason, position);
    }
    return switch (quality.get()) {
      case HIGH -> item(candidate, quality, position, "high quality", "boost", boost);
      case LOW -> item(candidate, quality, position, "low quality", "demotion", demotion);
    };
  }

  private static RankedItem item(
      Candidate candidate,
      Optional<QualityClass> quality,
      int position,
      String what,
      String factorName,
      double factor) {
    double base = candidate.baseScore();
    double score = base * factor;
    String reason =
        what
            + ": base "
            + format(base)
            + " x "
            + factorName
            + " "
            + format(factor)
            + " = "
            + format(score);
    return new RankedItem(candidate.id(), base, score, quality, reason, position);
  }

  /** 2 to 4 decimals, half up: 0.5 -> "0.50", 0.0012 -> "0.0012", 0.123456 -> "0.1235". */
  static String format(double value) {
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    if (rounded.scale() < 2) {
      rounded = rounded.setScale(2, RoundingMode.UNNECESSARY);
    }
    return rounded.toPlainString();
  }
}
