package io.mmq.core.attribute.model;

import io.mmq.core.resource.model.ContentBlock;
import java.util.Objects;

/**
 * One element of the style/layout sequence (R2): a block's kind and a size bucket (0-3: text
 * length for text blocks, resolution for images, duration for videos).
 */
public record LayoutToken(ContentBlock.Kind kind, int sizeBucket) {
  public static final int SIZE_BUCKETS = 4;

  public LayoutToken {
    Objects.requireNonNull(kind, "kind is null");
    if (sizeBucket < 0 || sizeBucket >= SIZE_BUCKETS) {
      throw new IllegalArgumentException("sizeBucket must be in [0, 3], was " + sizeBucket);
    }
  }

  /** A dense id in [0, kinds × buckets) for embedding lookups. */
  public int id() {
    return kind.ordinal() * SIZE_BUCKETS + sizeBucket;
  }

  public static int vocabularySize() {
    return ContentBlock.Kind.values().length * SIZE_BUCKETS;
  }
}
