package io.mmq.app.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the text of one article in one language from the {@link Lexicon}'s templates: a title,
 * tags and body sentences that look high or low quality. Titles mix their signal words with neutral
 * ones, and each neutral slot of a title takes a word of the opposite kind with {@link
 * #TITLE_NOISE}, so words alone never give the answer away.
 */
final class TextComposer {
  static final double TITLE_NOISE = 0.15;
  static final double TAG_NOISE = 0.3;

  private final Lexicon lexicon;
  private final Draws draws;

  TextComposer(Lexicon lexicon, Draws draws) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon is null");
    this.draws = Objects.requireNonNull(draws, "draws is null");
  }

  String title(boolean looksHigh) {
    List<String> templates = looksHigh ? lexicon.highTitles() : lexicon.lowTitles();
    List<String> opposite = looksHigh ? lexicon.clickbaitWords() : lexicon.qualityWords();
    return fill(draws.pick(templates), opposite);
  }

  /** The topic first, then two or three signal tags, sometimes one of the opposite kind. */
  List<String> tags(boolean looksHigh, String topic) {
    Set<String> tags = new LinkedHashSet<>();
    tags.add(topic);
    List<String> own = looksHigh ? lexicon.highTags() : lexicon.lowTags();
    int count = draws.between(2, 3);
    while (tags.size() < 1 + count) {
      tags.add(draws.pick(own));
    }
    if (draws.chance(TAG_NOISE)) {
      tags.add(draws.pick(looksHigh ? lexicon.lowTags() : lexicon.highTags()));
    }
    return List.copyOf(tags);
  }

  String sentence(boolean looksHigh) {
    return fill(draws.pick(looksHigh ? lexicon.highSentences() : lexicon.lowSentences()), null);
  }

  /** {@code sentences} sentences of one kind joined into one paragraph. */
  String paragraph(boolean looksHigh, int sentences) {
    List<String> parts = new ArrayList<>(sentences);
    for (int i = 0; i < sentences; i++) {
      parts.add(sentence(looksHigh));
    }
    return String.join(lexicon.sentenceJoiner(), parts);
  }

  String quote(boolean looksHigh) {
    return fill(draws.pick(looksHigh ? lexicon.highQuotes() : lexicon.lowQuotes()), null);
  }

  String heading() {
    return fill(draws.pick(lexicon.headings()), null);
  }

  String listItem() {
    return fill(draws.pick(lexicon.listItems()), null);
  }

  /** A descriptive caption for a high-looking picture; none or a short cry for a low one. */
  String caption(boolean looksHigh) {
    if (looksHigh) {
      return fill(draws.pick(lexicon.captions()), null);
    }
    return draws.chance(0.5) ? "" : fill("{C}!", null);
  }

  /**
   * Fills the placeholders of {@code template}. When {@code opposite} is given, each neutral slot
   * takes one of those words with probability {@link #TITLE_NOISE}.
   */
  String fill(String template, List<String> opposite) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
        out.append(value(template.charAt(i + 1), opposite));
        i += 3;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private String value(char placeholder, List<String> opposite) {
    return switch (placeholder) {
      case 'Q' -> capitalise(draws.pick(lexicon.qualityWords()));
      case 'q' -> draws.pick(lexicon.qualityWords());
      case 'C' -> capitalise(draws.pick(lexicon.clickbaitWords()));
      case 'c' -> draws.pick(lexicon.clickbaitWords());
      case 'N' ->
          opposite != null && draws.chance(TITLE_NOISE)
              ? draws.pick(opposite)
              : draws.pick(lexicon.neutralWords());
      case 'Y' -> Integer.toString(draws.between(2005, 2025));
      case 'D' -> Integer.toString(draws.between(2, 40));
      case 'P' -> Integer.toString(draws.between(3, 60));
      case 'T' -> thousands(draws.between(2, 950) * 100);
      case 'O' -> draws.pick(lexicon.organisations());
      case 'R' -> draws.pick(lexicon.people());
      default -> throw new IllegalArgumentException("unknown placeholder {" + placeholder + "}");
    };
  }

  private String thousands(int value) {
    return lexicon.sentenceJoiner().isEmpty()
        ? Integer.toString(value)
        : String.format(Locale.ROOT, "%,d", value);
  }

  private static String capitalise(String word) {
    if (word.isEmpty() || !Character.isLowerCase(word.charAt(0))) {
      return word;
    }
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
