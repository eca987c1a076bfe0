package io.mmq.core.recommendation.policy;

import static io.mmq.core.classification.model.QualityClass.HIGH;
import static io.mmq.core.classification.model.QualityClass.LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.recommendation.model.Candidate;
import io.mmq.core.recommendation.model.RankedItem;
import io.mmq.core.recommendation.model.RerankResult;
import io.mmq.core.resource.model.ResourceId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReweightingPolicyTest {
  private static final ReweightingPolicy POLICY = new ReweightingPolicy(1.2, 0.8, false);

  /** a 0.50 high, b 0.55 unknown, c 0.70 low, d 0.40 high. */
  private static final List<Candidate> CANDIDATES =
      List.of(
          Candidate.of("a", 0.50),
          Candidate.of("b", 0.55),
          Candidate.of("c", 0.70),
          Candidate.of("d", 0.40));

  private static final Map<ResourceId, QualityClass> QUALITIES =
      Map.of(ResourceId.of("a"), HIGH, ResourceId.of("c"), LOW, ResourceId.of("d"), HIGH);

  private static List<String> ids(List<RankedItem> items) {
    return items.stream().map(item -> item.id().value()).toList();
  }

  @Test
  void boostsHighDemotesLowAndSortsByFinalScore() {
    // a 0.50 x 1.2 = 0.60, c 0.70 x 0.8 = 0.56, b 0.55 unchanged, d 0.40 x 1.2 = 0.48
    RerankResult result = POLICY.rerank(CANDIDATES, QUALITIES);

    assertThat(ids(result.ranked())).containsExactly("a", "c", "b", "d");
    assertThat(result.ranked().stream().mapToDouble(RankedItem::finalScore).toArray())
        .containsExactly(new double[] {0.60, 0.56, 0.55, 0.48}, within(1e-12));
    assertThat(result.ranked())
        .extracting(RankedItem::quality, RankedItem::originalPosition, RankedItem::baseScore)
        .containsExactly(
            tuple(Optional.of(HIGH), 0, 0.50),
            tuple(Optional.of(LOW), 2, 0.70),
            tuple(Optional.empty(), 1, 0.55),
            tuple(Optional.of(HIGH), 3, 0.40));
    assertThat(result.filtered()).isEmpty();
  }

  @Test
  void everyItemSaysWhy() {
    RerankResult result = POLICY.rerank(CANDIDATES, QUALITIES);

    assertThat(result.ranked())
        .extracting(RankedItem::reason)
        .containsExactly(
            "high quality: base 0.50 x boost 1.20 = 0.60",
            "low quality: base 0.70 x demotion 0.80 = 0.56",
            "quality unknown: base 0.55 kept",
            "high quality: base 0.40 x boost 1.20 = 0.48");
  }

  @Test
  void filteringRemovesLowQualityAndReportsIt() {
    RerankResult result = POLICY.filtering().rerank(CANDIDATES, QUALITIES);

    assertThat(ids(result.ranked())).containsExactly("a", "b", "d");
    assertThat(result.filtered())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.id()).isEqualTo(ResourceId.of("c"));
              assertThat(item.originalPosition()).isEqualTo(2);
              assertThat(item.finalScore()).isZero();
              assertThat(item.reason()).isEqualTo("low quality: filtered out (base 0.70)");
            });
  }

  @Test
  void equalFinalScoresKeepTheInputOrder() {
    // p 0.60 unknown and q 0.50 x 1.2 = 0.60 high tie: whichever came first stays first
    Candidate p = Candidate.of("p", 0.60);
    Candidate q = Candidate.of("q", 0.50);
    Candidate r = Candidate.of("r", 0.90);
    Map<ResourceId, QualityClass> qualities = Map.of(ResourceId.of("q"), HIGH);

    assertThat(ids(POLICY.rerank(List.of(p, q, r), qualities).ranked()))
        .containsExactly("r", "p", "q");
    assertThat(ids(POLICY.rerank(List.of(q, p, r), qualities).ranked()))
        .containsExactly("r", "q", "p");
  }

  @Test
  void unknownQualityLeavesTheRecommendersOrder() {
    List<Candidate> candidates =
        List.of(Candidate.of("x", 0.3), Candidate.of("y", 0.3), Candidate.of("z", 0.3));

    assertThat(ids(POLICY.rerank(candidates, Map.of()).ranked())).containsExactly("x", "y", "z");
    List<Candidate> reversed = List.of(candidates.get(2), candidates.get(1), candidates.get(0));
    assertThat(ids(POLICY.rerank(reversed, Map.of()).ranked()))
        .containsExactly("z", "y", "x");
  }

  @Test
  void qualitiesOfOtherResourcesAreIgnoredAndZeroDemotionSinksLowQuality() {
    ReweightingPolicy sink = new ReweightingPolicy(1.0, 0.0, false);
    Map<ResourceId, QualityClass> qualities =
        Map.of(ResourceId.of("a"), LOW, ResourceId.of("elsewhere"), HIGH);

    RerankResult result =
        sink.rerank(List.of(Candidate.of("a", 0.9), Candidate.of("b", 0.1)), qualities);

    assertThat(ids(result.ranked())).containsExactly("b", "a");
    assertThat(result.ranked().get(1).reason())
        .isEqualTo("low quality: base 0.90 x demotion 0.00 = 0.00");
  }

  @Test
  void emptyCandidateListGivesEmptyResult() {
    RerankResult result = POLICY.rerank(List.of(), QUALITIES);

    assertThat(result.ranked()).isEmpty();
    assertThat(result.filtered()).isEmpty();
  }

  @Test
  void duplicateCandidateIdsAreRejected() {
    List<Candidate> candidates =
        List.of(Candidate.of("a", 0.5), Candidate.of("b", 0.4), Candidate.of("a", 0.3));

    assertThatThrownBy(() -> POLICY.rerank(candidates, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("candidates[2].id 'a' repeats candidates[0]; candidate ids must be unique");
  }

  @Test
  void nullCandidateIsNamedByIndex() {
    List<Candidate> candidates = Arrays.asList(Candidate.of("a", 0.5), null);

    assertThatThrownBy(() -> POLICY.rerank(candidates, Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("candidates[1] is null");
  }

  @Test
  void negativeOrNonFiniteBaseScoresAreRejected() {
    assertThatThrownBy(() -> Candidate.of("a", -0.3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "baseScore must not be negative, was -0.3 (a boost would lower a negative score;"
                + " shift scores to be >= 0)");
    assertThatThrownBy(() -> Candidate.of("a", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseScore must be a finite number, was NaN");
  }

  @Test
  void rejectsBoostBelowOneAndDemotionOutsideZeroOne() {
    assertThatThrownBy(() -> new ReweightingPolicy(0.9, 0.8, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("boost must be in [1, 1000.0], was 0.9");
    assertThatThrownBy(() -> new ReweightingPolicy(1.2, 1.1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("demotion must be in [0.0, 1.0], was 1.1");
    assertThatThrownBy(() -> new ReweightingPolicy(1.2, -0.1, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReweightingPolicy(Double.POSITIVE_INFINITY, 0.8, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namedInstances() {
    assertThat(ReweightingPolicy.DEFAULT).isEqualTo(new ReweightingPolicy(1.2, 0.8, false));
    RerankResult neutral = ReweightingPolicy.NEUTRAL.rerank(CANDIDATES, QUALITIES);
    assertThat(ids(neutral.ranked())).containsExactly("c", "b", "a", "d");
    assertThat(neutral.ranked().get(0).finalScore()).isEqualTo(0.70);
  }

  @Test
  void formatsTwoToFourDecimals() {
    assertThat(ReweightingPolicy.format(0.5)).isEqualTo("0.50");
    assertThat(ReweightingPolicy.format(0.0012)).isEqualTo("0.0012");
    assertThat(ReweightingPolicy.format(0.123456)).isEqualTo("0.1235");
    assertThat(ReweightingPolicy.format(0)).isEqualTo("0.00");
    assertThat(ReweightingPolicy.format(1200)).isEqualTo("1200.00");
  }
}
