package io.mmq.app.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ResourceId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TruthLinesTest {
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-06T00:00:00Z"));

  private static final ArticleTruth WITHOUT_IMAGES =
      new ArticleTruth(
          ResourceId.of("a-00007"),
          QualityClass.LOW,
          WINDOW,
          "zh",
          "p-02",
          0,
          42,
          true,
          Map.of(
              Channel.PUBLISHER, QualityClass.LOW,
              Channel.TITLE, QualityClass.HIGH,
              Channel.TAGS, QualityClass.LOW,
              Channel.BODY, QualityClass.LOW,
              Channel.LAYOUT, QualityClass.HIGH));

  @Test
  void formatsOneArticleAsOneLineInAFixedKeyOrder() {
    assertThat(TruthLines.format(WITHOUT_IMAGES))
        .isEqualTo(
            "{\"id\":\"a-00007\",\"quality\":\"LOW\",\"windowStart\":\"2026-01-05T00:00:00Z\","
                + "\"windowEnd\":\"2026-01-06T00:00:00Z\",\"language\":\"zh\",\"publisher\":\"p-02\","
                + "\"images\":0,\"impressions\":42,\"underExposed\":true,\"signals\":{"
                + "\"title\":\"HIGH\",\"tags\":\"LOW\",\"body\":\"LOW\",\"layout\":\"HIGH\","
                + "\"publisher\":\"LOW\"}}");
  }

  @Test
  void readsBackWhatItWrote() throws IOException {
    ArticleTruth withImages =
        new ArticleTruth(
            ResourceId.of("a \"quoted\" id\\"),
            QualityClass.HIGH,
            WINDOW,
            "en",
            "p-01",
            3,
            5_120,
            false,
            Map.of(Channel.IMAGES, QualityClass.HIGH, Channel.TITLE, QualityClass.LOW));
    String text = TruthLines.format(withImages) + "\n\n" + TruthLines.format(WITHOUT_IMAGES) + "\n";

    assertThat(TruthLines.read(new BufferedReader(new StringReader(text))))
        .containsExactly(withImages, WITHOUT_IMAGES);
  }

  @Test
  void aBrokenLineIsReportedWithItsNumber() {
    String text = TruthLines.format(WITHOUT_IMAGES) + "\n{\"id\":\"a-1\"}\n";

    assertThatThrownBy(() -> TruthLines.read(new BufferedReader(new StringReader(text))))
        .hasMessageContaining("truth line 2")
        .hasMessageContaining("signals");
  }

  @Test
  void imagesAreASignalExactlyWhenTheArticleHasImages() {
    assertThatThrownBy(
            () ->
                new ArticleTruth(
                    ResourceId.of("a-1"),
                    QualityClass.HIGH,
                    WINDOW,
                    "en",
                    "p-01",
                    2,
                    500,
                    false,
                    Map.of(Channel.TITLE, QualityClass.HIGH)))
        .hasMessageContaining("images");
    assertThat(WITHOUT_IMAGES.agreeingChannels()).isEqualTo(3); // tags, body, publisher
  }
}
