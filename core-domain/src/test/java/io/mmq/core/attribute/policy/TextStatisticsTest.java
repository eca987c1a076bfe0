package io.mmq.core.attribute.policy;

import static io.mmq.core.attribute.policy.AttributeFixtures.embeddingImage;
import static io.mmq.core.attribute.policy.AttributeFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.resource.model.ContentBlock;
import org.junit.jupiter.api.Test;

class TextStatisticsTest {

  /**
   * Title [cats and dogs]: 3 tokens, 13 characters. Body [cats sleep a lot] [dogs] [they play]: 7
   * tokens, 3 sentences. Title tokens in the body: cats, dogs: match 2/3. Two paragraphs, two
   * images: 1 image per paragraph; one heading.
   */
  @Test
  void workedExample() {
    TextStatistics stats =
        TextStatistics.of(
            resource(
                "  Cats and Dogs ",
                new ContentBlock.Paragraph("Cats sleep a lot."),
                embeddingImage(""),
                embeddingImage(""),
                new ContentBlock.Heading("Dogs"),
                new ContentBlock.Paragraph("They play.")));

    assertThat(stats).isEqualTo(new TextStatistics(3, 13, 7, 3, 2, 1, 1.0, 2.0 / 3));
  }

  @Test
  void titleBodyMatchCountsDistinctTitleTokensAndCaptionsCountAsBody() {
    TextStatistics stats =
        TextStatistics.of(
            resource("猫 猫 狗 bird", new ContentBlock.Paragraph("一只猫"), embeddingImage("A bird.")));

    // distinct title tokens 猫, 狗, bird; body [一只, 只猫] [a, bird]: only bird matches
    assertThat(stats.titleBodyMatch()).isEqualTo(1.0 / 3);
    assertThat(stats.bodyTokens()).isEqualTo(4);
  }

  @Test
  void imagesWithoutParagraphsCountPerImageAndEmptyTitleMatchesNothing() {
    TextStatistics stats =
        TextStatistics.of(resource("", embeddingImage(""), embeddingImage(""), embeddingImage("")));

    assertThat(stats.imagesPerParagraph()).isEqualTo(3.0);
    assertThat(stats.titleBodyMatch()).isZero();
    assertThat(stats.titleTokens()).isZero();
    assertThat(stats.toAtomic()).containsOnlyKeys(TextStatistics.KEYS);
  }
}
