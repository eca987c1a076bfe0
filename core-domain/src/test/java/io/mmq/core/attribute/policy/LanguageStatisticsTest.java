package io.mmq.core.attribute.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.resource.model.ContentBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageStatisticsTest {

  /**
   * Worked example. Sentences: [the cat sat] [did the cat run] [wow 42 cats]: 10 tokens, 8 distinct
   * (diversity 0.8), 1 number (share 0.1). Word lengths without the number: eight of 3 and one of
   * 4: mean 28/9, variance 88/9 - (28/9)² = 8/81, std √8/9. Sentence lengths 3, 4, 3: mean 10/3,
   * variance 34/3 - 100/9 = 2/9, std √2/3. One question, one exclamation of three sentences; one
   * quote block.
   */
  @Test
  void englishWorkedExample() {
    LanguageStatistics stats =
        LanguageStatistics.of(
            List.of(
                new ContentBlock.Paragraph("The cat sat. Did the cat run?"),
                new ContentBlock.Quote("Wow 42 cats!")));

    assertThat(stats.lexicalDiversity()).isEqualTo(0.8);
    assertThat(stats.numberShare()).isEqualTo(0.1);
    assertThat(stats.wordLengthMean()).isCloseTo(28.0 / 9, within(1e-12));
    assertThat(stats.wordLengthStd()).isCloseTo(Math.sqrt(8) / 9, within(1e-9));
    assertThat(stats.sentenceLengthMean()).isCloseTo(10.0 / 3, within(1e-12));
    assertThat(stats.sentenceLengthStd()).isCloseTo(Math.sqrt(2) / 3, within(1e-9));
    assertThat(stats.questionShare()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(stats.exclamationShare()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(stats.quotations()).isEqualTo(1);
  }

  /** Sentences [你好 好吗] and [我很 很好]: bigrams of 2 characters; one question, one exclamation. */
  @Test
  void chineseWorkedExample() {
    LanguageStatistics stats =
        LanguageStatistics.of(List.of(new ContentBlock.Paragraph("你好吗？我很好！")));

    assertThat(stats.sentenceLengthMean()).isEqualTo(2.0); // [你好, 好吗] and [我很, 很好]
    assertThat(stats.sentenceLengthStd()).isZero();
    assertThat(stats.wordLengthMean()).isEqualTo(2.0);
    assertThat(stats.lexicalDiversity()).isEqualTo(1.0);
    assertThat(stats.questionShare()).isEqualTo(0.5);
    assertThat(stats.exclamationShare()).isEqualTo(0.5);
  }

  @Test
  void quotationsCountQuotedSpansAndQuoteBlocks() {
    LanguageStatistics stats =
        LanguageStatistics.of(
            List.of(
                new ContentBlock.Paragraph("He said \"yes\" and 她说“好”。Then \"no"),
                new ContentBlock.Quote("Plain quote.")));

    // one pair of straight quotes (the third is unpaired), one “, one quote block
    assertThat(stats.quotations()).isEqualTo(3);
  }

  @Test
  void emptyBodyGivesZeros() {
    LanguageStatistics stats =
        LanguageStatistics.of(List.of(new ContentBlock.Paragraph("!!!"), new ContentBlock.Video(3)));

    assertThat(stats).isEqualTo(new LanguageStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertThat(stats.toAtomic()).containsOnlyKeys(LanguageStatistics.KEYS);
  }

  @Test
  void atomicNamesCarryTheValues() {
    LanguageStatistics stats = new LanguageStatistics(0.5, 4, 1, 10, 2, 0.25, 0.125, 3, 0.0625);

    assertThat(stats.toAtomic())
        .containsEntry("language.lexical_diversity", 0.5)
        .containsEntry("language.word_length_mean", 4.0)
        .containsEntry("language.sentence_length_std", 2.0)
        .containsEntry("language.exclamation_share", 0.125)
        .containsEntry("language.quotations", 3.0)
        .containsEntry("language.number_share", 0.0625)
        .hasSize(9);
  }
}
