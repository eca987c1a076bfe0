package io.mmq.app.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.engagement.model.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

  @Test
  void defaultsAreThreeThousandArticlesOverSixDailyWindowsFromTheFifthOfJanuary() {
    GeneratorConfig config = GeneratorConfig.DEFAULT;

    assertThat(config.articles()).isEqualTo(3_000);
    assertThat(config.imageWidth()).isEqualTo(48);
    assertThat(config.imageHeight()).isEqualTo(48);
    assertThat(config.timeWindows())
        .hasSize(6)
        .startsWith(
            new TimeWindow(
                Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-06T00:00:00Z")))
        .endsWith(
            new TimeWindow(
                Instant.parse("2026-01-10T00:00:00Z"), Instant.parse("2026-01-11T00:00:00Z")));
  }

  @Test
  void articlesAreSpreadEvenlyOverTheWindowsOldestFirst() {
    // 10 articles over 3 windows: window = index * 3 / 10, rounded down
    GeneratorConfig config = GeneratorConfig.DEFAULT.withArticles(10).withWindows(3);

    assertThat(config.windowOf(0)).isZero();
    assertThat(config.windowOf(3)).isZero(); // 9 / 10
    assertThat(config.windowOf(4)).isEqualTo(1); // 12 / 10
    assertThat(config.windowOf(6)).isEqualTo(1); // 18 / 10
    assertThat(config.windowOf(7)).isEqualTo(2); // 21 / 10
    assertThat(config.windowOf(9)).isEqualTo(2); // 27 / 10
    assertThatThrownBy(() -> config.windowOf(10)).hasMessageContaining("index");
  }

  @Test
  void withersChangeOnlyTheirField() {
    GeneratorConfig changed =
        GeneratorConfig.DEFAULT.withSeed(9).withImageSize(32, 24).withPublishers(4);

    assertThat(changed.seed()).isEqualTo(9);
    assertThat(changed.imageWidth()).isEqualTo(32);
    assertThat(changed.imageHeight()).isEqualTo(24);
    assertThat(changed.publishers()).isEqualTo(4);
    assertThat(changed.articles()).isEqualTo(GeneratorConfig.DEFAULT.articles());
    assertThat(changed.highShare()).isEqualTo(GeneratorConfig.DEFAULT.highShare());
  }

  @Test
  void rejectsValuesOutOfRange() {
    GeneratorConfig config = GeneratorConfig.DEFAULT;

    assertThatThrownBy(() -> config.withArticles(0)).hasMessageContaining("articles");
    assertThatThrownBy(() -> config.withWindows(0)).hasMessageContaining("windows");
    assertThatThrownBy(() -> config.withImageSize(4, 48)).hasMessageContaining("imageWidth");
    assertThatThrownBy(() -> config.withShares(1.5, 0.5, 0.1, 0.1))
        .hasMessageContaining("highShare");
    assertThatThrownBy(() -> config.withShares(0.5, 0.5, 0.1, Double.NaN))
        .hasMessageContaining("underExposedShare");
    assertThatThrownBy(() -> config.withPublishers(1)).hasMessageContaining("publishers");
    assertThatThrownBy(
            () ->
                new GeneratorConfig(
                    10, 2, Instant.EPOCH, Duration.ZERO, 1, 48, 48, 0.5, 0.5, 0.1, 0.1, 4, 0.8))
        .hasMessageContaining("windowLength");
  }
}
