package io.mmq.core.resource.model;

import io.mmq.core.common.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A multimedia resource (R1): an article with a title, tags, a body of ordered content blocks, the
 * publisher, publish time, language and free extra attributes.
 *
 * <p>Limits keep a single resource bounded: see the {@code MAX_*} constants.
 */
public record Resource(
    ResourceId id,
    String title,
    List<String> tags,
    List<ContentBlock> blocks,
    Publisher publisher,
    Optional<Instant> publishedAt,
    String language,
    String source,
    Map<String, Double> numericAttributes,
    Map<String, String> categoricalAttributes) {

  public static final int MAX_TITLE_LENGTH = 1_000;
  public static final int MAX_TAGS = 100;
  public static final int MAX_TAG_LENGTH = 100;
  public static final int MAX_BLOCKS = 2_000;
  public static final int MAX_BLOCK_TEXT_LENGTH = 100_000;

  public Resource {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(title, "title is null");
    Checks.requireMaxLength(title, MAX_TITLE_LENGTH, "title");
    tags = List.copyOf(Objects.requireNonNull(tags, "tags is null"));
    if (tags.size() > MAX_TAGS) {
      throw new IllegalArgumentException(
          "tags has " + tags.size() + " entries; at most " + MAX_TAGS + " allowed");
    }
    for (int i = 0; i < tags.size(); i++) {
      Checks.requireMaxLength(tags.get(i), MAX_TAG_LENGTH, "tags[" + i + "]");
    }
    blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks is null"));
    if (blocks.size() > MAX_BLOCKS) {
      throw new IllegalArgumentException(
          "blocks has " + blocks.size() + " entries; at most " + MAX_BLOCKS + " allowed");
    }
    for (int i = 0; i < blocks.size(); i++) {
      Checks.requireMaxLength(
          blocks.get(i).text(), MAX_BLOCK_TEXT_LENGTH, "blocks[" + i + "].text");
    }
    Objects.requireNonNull(publisher, "publisher is null");
    Objects.requireNonNull(publishedAt, "publishedAt is null");
    Objects.requireNonNull(language, "language is null");
    Objects.requireNonNull(source, "source is null");
    numericAttributes = Checks.finiteValues(numericAttributes, "numericAttributes");
    categoricalAttributes =
        Map.copyOf(Objects.requireNonNull(categoricalAttributes, "categoricalAttributes is null"));
  }

  /** A resource with only an id and a title; the rest empty. Convenient in tests and examples. */
  public static Resource titled(ResourceId id, String title) {
    return new Resource(
        id, title, List.of(), List.of(), Publisher.UNKNOWN, Optional.empty(), "", "", Map.of(),
        Map.of());
  }

  public List<ImageContent> images() {
    return blocks.stream()
        .filter(ContentBlock.Image.class::isInstance)
        .map(block -> ((ContentBlock.Image) block).content())
        .toList();
  }
}
