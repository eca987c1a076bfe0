package io.mmq.app.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextComposerTest {

  @Test
  void fillsEveryPlaceholderFromTheLexicon() {
    TextComposer text = new TextComposer(Lexicon.ENGLISH, new Draws(1));

    String filled = text.fill("{Q} of the {N} by the {O} in {Y}: {P} percent, {D} of {T}", null);

    assertThat(filled).doesNotContain("{").doesNotContain("}");
    assertThat(Lexicon.ENGLISH.qualityWords())
        .anySatisfy(word -> assertThat(filled).startsWith(capitalised(word) + " of the "));
    assertThat(filled).matches(".* in 20[0-2][0-9]: [0-9]+ percent, [0-9]+ of [0-9,]+");
  }

  @Test
  void titleNoiseSwapsSomeNeutralWordsForWordsOfTheOppositeKind() {
    TextComposer text = new TextComposer(Lexicon.ENGLISH, new Draws(3));
    List<String> clickbait = List.of("shocking", "secret");
    int swapped = 0;
    for (int i = 0; i < 2_000; i++) {
      String word = text.fill("{N}", clickbait);
      if (clickbait.contains(word)) {
        swapped++;
      } else {
        assertThat(Lexicon.ENGLISH.neutralWords()).contains(word);
      }
    }
    // 15 % of 2,000 = 300, binomial sd about 16
    assertThat(swapped).isBetween(240, 360);
  }

  @Test
  void chineseTextIsWrittenInHanCharacters() {
    TextComposer text = new TextComposer(Lexicon.CHINESE, new Draws(5));

    String title = text.title(true);
    String sentence = text.sentence(false);

    assertThat(title.codePoints().filter(TextComposerTest::isHan).count()).isGreaterThan(4);
    assertThat(sentence.codePoints().anyMatch(TextComposerTest::isHan)).isTrue();
    assertThat(sentence).containsAnyOf("！", "？");
  }

  @Test
  void highLookingParagraphsAreLongerThanLowLookingOnes() {
    TextComposer text = new TextComposer(Lexicon.ENGLISH, new Draws(11));
    int high = 0;
    int low = 0;
    for (int i = 0; i < 100; i++) {
      high += text.paragraph(true, 3).length();
      low += text.paragraph(false, 3).length();
    }
    assertThat(high).isGreaterThan(3 * low);
  }

  @Test
  void tagsStartWithTheTopicAndHoldNoDuplicates() {
    TextComposer text = new TextComposer(Lexicon.ENGLISH, new Draws(2));
    for (int i = 0; i < 50; i++) {
      List<String> tags = text.tags(i % 2 == 0, "science");
      assertThat(tags.get(0)).isEqualTo("science");
      assertThat(tags).doesNotHaveDuplicates().hasSizeBetween(3, 5);
    }
  }

  @Test
  void anUnknownPlaceholderIsAnError() {
    TextComposer text = new TextComposer(Lexicon.ENGLISH, new Draws(1));

    assertThatThrownBy(() -> text.fill("a {X} b", null)).hasMessageContaining("{X}");
  }

  private static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
