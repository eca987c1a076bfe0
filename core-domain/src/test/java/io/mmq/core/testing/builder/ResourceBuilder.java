package io.mmq.core.testing.builder;

import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.ImageContent;
import io.mmq.core.resource.model.Publisher;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link Resource} for tests: {@code aResource().withId("a-1").withTitle("..").build()}.
 * Defaults: id {@code a-1}, title {@code A title}, one paragraph, unknown publisher, English.
 */
public final class ResourceBuilder {
  private String id = "a-1";
  private String title = "A title";
  private final List<String> tags = new ArrayList<>();
  private final List<ContentBlock> blocks =
      new ArrayList<>(List.of(new ContentBlock.Paragraph("A paragraph of body text.")));
  private Publisher publisher = Publisher.UNKNOWN;
  private Optional<Instant> publishedAt = Optional.empty();
  private String language = "en";
  private String source = "";
  private final Map<String, Double> numeric = new LinkedHashMap<>();
  private final Map<String, String> categorical = new LinkedHashMap<>();

  private ResourceBuilder() {}

  public static ResourceBuilder aResource() {
    return new ResourceBuilder();
  }

  public ResourceBuilder withId(String newId) {
    this.id = newId;
    return this;
  }

  public ResourceBuilder withTitle(String newTitle) {
    this.title = newTitle;
    return this;
  }

  public ResourceBuilder withTags(String... newTags) {
    tags.clear();
    tags.addAll(List.of(newTags));
    return this;
  }

  /** Replaces the body by these paragraphs. */
  public ResourceBuilder withParagraphs(String... paragraphs) {
    blocks.clear();
    for (String text : paragraphs) {
      blocks.add(new ContentBlock.Paragraph(text));
    }
    return this;
  }

  /** Replaces the body by these blocks. */
  public ResourceBuilder withBlocks(ContentBlock... newBlocks) {
    blocks.clear();
    blocks.addAll(List.of(newBlocks));
    return this;
  }

  public ResourceBuilder withBlock(ContentBlock block) {
    blocks.add(block);
    return this;
  }

  public ResourceBuilder withImage(byte[] encoded) {
    blocks.add(new ContentBlock.Image(ImageContent.ofBytes(encoded)));
    return this;
  }

  public ResourceBuilder withImageEmbedding(float... embedding) {
    blocks.add(new ContentBlock.Image(ImageContent.ofEmbedding(embedding)));
    return this;
  }

  public ResourceBuilder withNoBody() {
    blocks.clear();
    return this;
  }

  public ResourceBuilder withPublisher(Publisher newPublisher) {
    this.publisher = newPublisher;
    return this;
  }

  public ResourceBuilder withPublisher(String publisherId, int level, long followers) {
    this.publisher = new Publisher(publisherId, level, followers, 0.5, 0.5, 365, Map.of());
    return this;
  }

  public ResourceBuilder publishedAt(String isoInstant) {
    this.publishedAt = Optional.of(Instant.parse(isoInstant));
    return this;
  }

  public ResourceBuilder withLanguage(String newLanguage) {
    this.language = newLanguage;
    return this;
  }

  public ResourceBuilder withSource(String newSource) {
    this.source = newSource;
    return this;
  }

  public ResourceBuilder withNumeric(String key, double value) {
    numeric.put(key, value);
    return this;
  }

  public ResourceBuilder withCategorical(String key, String value) {
    categorical.put(key, value);
    return this;
  }

  public Resource build() {
    return new Resource(
        ResourceId.of(id), title, tags, blocks, publisher, publishedAt, language, source, numeric,
        categorical);
  }
}
