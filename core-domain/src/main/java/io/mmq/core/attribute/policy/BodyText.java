package io.mmq.core.attribute.policy;

import io.mmq.core.resource.model.ContentBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of a resource as text, computed once and shared by the text-field and statistics
 * extractors: every sentence with its tokens, in reading order, uncapped, and the number of
 * quotations.
 *
 * <p>The body text is the text of every block in reading order: paragraphs, headings, quotes, list
 * items and image captions (a caption is text the reader sees, and the text most closely tied to
 * its image). A sentence never spans two blocks. Sentences without any token ({@code "!!!"}) are
 * dropped.
 *
 * <p>Quotations are counted as quote blocks plus quoted spans inside any block's text: each opening
 * {@code “ 「 『 « „} counts one, and every two straight double quotes ({@code "} or {@code ＂}) count
 * one.
 */
record BodyText(List<Sentence> sentences, int quotations) {

  /** One body sentence: its text as written and its tokens. */
  record Sentence(String text, List<String> tokens) {
    Sentence {
      Objects.requireNonNull(text, "text is null");
      tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens is null"));
    }
  }

  BodyText {
    sentences = List.copyOf(Objects.requireNonNull(sentences, "sentences is null"));
  }

  static BodyText of(List<ContentBlock> blocks) {
    Objects.requireNonNull(blocks, "blocks is null");
    List<Sentence> sentences = new ArrayList<>();
    int quotations = 0;
    for (ContentBlock block : blocks) {
      if (block.kind() == ContentBlock.Kind.QUOTE) {
        quotations++;
      }
      quotations += quotedSpans(block.text());
      for (String text : SentenceSplitter.split(block.text())) {
        List<String> tokens = Tokenizer.tokenize(text);
        if (!tokens.isEmpty()) {
          sentences.add(new Sentence(text, tokens));
        }
      }
    }
    return new BodyText(sentences, quotations);
  }

  List<String> tokens() {
    return sentences.stream().flatMap(sentence -> sentence.tokens().stream()).toList();
  }

  static int quotedSpans(String text) {
    int opening = 0;
    int straight = 0;
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '“', '「', '『', '«', '„' -> opening++;
        case '"', '＂' -> straight++;
        default -> {
          // not a quotation mark
        }
      }
    }
    return opening + straight / 2;
  }
}
