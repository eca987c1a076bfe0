package io.mmq.app.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EngagementModelTest {
  private static final EngagementModel.WindowEffect NO_EFFECT =
      new EngagementModel.WindowEffect(0, 0, 0, 0);
  private static final ArticleComposer.Looks ALL_HIGH =
      new ArticleComposer.Looks(true, true, true, true, true);

  @Test
  void binomialCountsStayWithinZeroAndN() {
    Draws draws = new Draws(1);
    assertThat(EngagementModel.binomial(500, 0.0, draws)).isZero();
    assertThat(EngagementModel.binomial(500, 1.0, draws)).isEqualTo(500);
    for (int i = 0; i < 1_000; i++) {
      assertThat(EngagementModel.binomial(10, 0.5, draws)).isBetween(0L, 10L);
    }
  }

  @Test
  void binomialCountsAverageToNTimesP() {
    Draws draws = new Draws(2);
    long sum = 0;
    for (int i = 0; i < 1_000; i++) {
      sum += EngagementModel.binomial(10_000, 0.05, draws);
    }
    // mean 500 per draw; the mean of 1,000 draws has sd sqrt(475 / 1000) = 0.7
    assertThat(sum / 1_000.0).isBetween(497.0, 503.0);
  }

  @Test
  void underExposedRecordsHaveFewerImpressionsThanTheTasksMinimum() {
    Draws draws = new Draws(3);
    for (int i = 0; i < 500; i++) {
      assertThat(EngagementModel.impressions(true, false, draws))
          .isBetween(8L, CorpusGenerator.MIN_IMPRESSIONS - 1);
      assertThat(EngagementModel.impressions(false, false, draws)).isBetween(150L, 20_000L);
      assertThat(EngagementModel.impressions(false, true, draws)).isBetween(225L, 30_000L);
    }
  }

  @Test
  void withTheSameNoiseAHighArticleBeatsALowOneOnEveryMetric() {
    for (long seed = 0; seed < 50; seed++) {
      Map<String, Double> high = metrics(true, seed);
      Map<String, Double> low = metrics(false, seed);

      assertThat(high.get(EngagementModel.CTR)).isGreaterThan(low.get(EngagementModel.CTR));
      assertThat(high.get(EngagementModel.DWELL)).isGreaterThan(low.get(EngagementModel.DWELL));
      assertThat(high.get(EngagementModel.COMMENT_RATE))
          .isGreaterThan(low.get(EngagementModel.COMMENT_RATE));
      assertThat(high.get(EngagementModel.BOUNCE)).isLessThan(low.get(EngagementModel.BOUNCE));
    }
  }

  @Test
  void metricsAreRatesAndSecondsInTheirRanges() {
    Map<String, Double> metrics = metrics(true, 9);

    assertThat(metrics).containsOnlyKeys("ctr", "dwell", "comment_rate", "bounce");
    assertThat(metrics.get("ctr")).isBetween(0.0, 1.0);
    assertThat(metrics.get("comment_rate")).isBetween(0.0, 1.0);
    assertThat(metrics.get("bounce")).isBetween(0.0, 1.0);
    assertThat(metrics.get("dwell")).isPositive();
  }

  private static Map<String, Double> metrics(boolean high, long seed) {
    EngagementModel.Inputs inputs = new EngagementModel.Inputs(high, ALL_HIGH, 1, true, true);
    return EngagementModel.metrics(inputs, NO_EFFECT, 20_000, new Draws(seed));
  }
}
