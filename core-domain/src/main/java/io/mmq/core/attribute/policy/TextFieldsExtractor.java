package io.mmq.core.attribute.policy;

import io.mmq.core.attribute.model.TextFields;
import io.mmq.core.resource.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Extracts the tokenised text fields of a resource (R2): title tokens, tag tokens (each tag's
 * tokens concatenated in tag order) and body sentences in reading order (see {@link BodyText}
 * for which blocks make up the body: paragraphs, headings, quotes, list items and image
 * captions). Each field is capped by {@link Limits}: tokens beyond a cap are dropped, sentences
 * beyond {@code maxSentences} are dropped, and long sentences are cut to {@code
 * maxTokensPerSentence}.
 */
public final class TextFieldsExtractor {

  /** Caps on the text fields; {@link #DEFAULT} suits articles of a few thousand words. */
  public record Limits(
      int maxTitleTokens, int maxTagTokens, int maxSentences, int maxTokensPerSentence) {
    public static final Limits DEFAULT = new Limits(64, 64, 128, 64);

    public Limits {
      requirePositive(maxTitleTokens, "maxTitleTokens");
      requirePositive(maxTagTokens, "maxTagTokens");
      requirePositive(maxSentences, "maxSentences");
      requirePositive(maxTokensPerSentence, "maxTokensPerSentence");
    }

    private static void requirePositive(int value, String field) {
      if (value < 1) {
        throw new IllegalArgumentException(field + " must be at least 1, was " + value);
      }
    }
  }

  private static final TextFieldsExtractor STANDARD = new TextFieldsExtractor(Limits.DEFAULT);

  private final Limits limits;

  public TextFieldsExtractor(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits is null");
  }

  /** The extractor with {@link Limits#DEFAULT}. */
  public static TextFieldsExtractor standard() {
    return STANDARD;
  }

  public Limits limits() {
    return limits;
  }

  public TextFields extract(Resource resource) {
    Objects.requireNonNull(resource, "resource is null");
    return extract(resource, BodyText.of(resource.blocks()));
  }

  TextFields extract(Resource resource, BodyText body) {
    List<String> title = cap(Tokenizer.tokenize(resource.title()), limits.maxTitleTokens());
    List<String> tags = new ArrayList<>();
    for (String tag : resource.tags()) {
      tags.addAll(Tokenizer.tokenize(tag));
      if (tags.size() >= limits.maxTagTokens()) {
        break;
      }
    }
    List<List<String>> sentences = new ArrayList<>();
    for (BodyText.Sentence sentence : body.sentences()) {
      if (sentences.size() == limits.maxSentences()) {
        break;
      }
      sentences.add(cap(sentence.tokens(), limits.maxTokensPerSentence()));
    }
    return new TextFields(title, cap(tags, limits.maxTagTokens()), sentences);
  }

  private static List<String> cap(List<String> tokens, int max) {
    return tokens.size() <= max ? tokens : tokens.subList(0, max);
  }
}
