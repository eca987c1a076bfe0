package io.mmq.core.attribute.model;

import java.util.List;
import java.util.Objects;

/**
 * The text fields of a resource, tokenised (R2): title tokens, tag tokens (each tag's tokens
 * concatenated) and the body as sentences of tokens, in reading order. Tokens are normalised
 * (lower case, no punctuation); CJK text is split into words or character bigrams, never one
 * token per sentence.
 */
public record TextFields(List<String> title, List<String> tags, List<List<String>> sentences) {
  public TextFields {
    title = List.copyOf(Objects.requireNonNull(title, "title is null"));
    tags = List.copyOf(Objects.requireNonNull(tags, "tags is null"));
    sentences =
        Objects.requireNonNull(sentences, "sentences is null").stream().map(List::copyOf).toList();
  }

  public List<String> bodyTokens() {
    return sentences.stream().flatMap(List::stream).toList();
  }
}
