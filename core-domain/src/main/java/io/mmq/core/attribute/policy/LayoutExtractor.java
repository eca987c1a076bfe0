package io.mmq.core.attribute.policy;

import io.mmq.core.attribute.model.ImageAttributes;
import io.mmq.core.attribute.model.LayoutToken;
import io.mmq.core.resource.model.ContentBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Extracts the style/layout sequence (R2; the patent's "style attribute information"): one {@link
 * LayoutToken} per block in reading order, truncated to the first {@code maxLength} blocks.
 *
 * <p>Size buckets (0-3):
 *
 * <ul>
 *   <li>text blocks (paragraph, heading, quote, list item): length of the stripped text in code
 *       points, {@code < 40}, {@code < 200}, {@code < 800}, else 3;
 *   <li>images: decoded pixels (width × height), {@code < 250,000} (about 500x500), {@code <
 *       1,000,000}, {@code < 4,000,000}, else 3; an image known only by its embedding has no known
 *       size and gets bucket 0;
 *   <li>videos: duration in seconds, {@code < 30}, {@code < 120}, {@code < 600}, else 3.
 * </ul>
 */
public final class LayoutExtractor {
  public static final int DEFAULT_MAX_LENGTH = 256;

  private static final LayoutExtractor STANDARD = new LayoutExtractor(DEFAULT_MAX_LENGTH);

  private final int maxLength;

  public LayoutExtractor(int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
    }
    this.maxLength = maxLength;
  }

  /** The extractor with {@link #DEFAULT_MAX_LENGTH}. */
  public static LayoutExtractor standard() {
    return STANDARD;
  }

  public int maxLength() {
    return maxLength;
  }

  /**
   * The layout sequence of {@code blocks}; {@code images} holds the attributes of the image blocks,
   * in the order the image blocks appear.
   */
  public List<LayoutToken> extract(List<ContentBlock> blocks, List<ImageAttributes> images) {
    Objects.requireNonNull(blocks, "blocks is null");
    Objects.requireNonNull(images, "images is null");
    long imageBlocks = blocks.stream().filter(b -> b.kind() == ContentBlock.Kind.IMAGE).count();
    if (imageBlocks != images.size()) {
      throw new IllegalArgumentException(
          "blocks hold " + imageBlocks + " images but " + images.size() + " image attributes given");
    }
    List<LayoutToken> layout = new ArrayList<>();
    int image = 0;
    for (ContentBlock block : blocks) {
      if (layout.size() == maxLength) {
        break;
      }
      int bucket =
          switch (block.kind()) {
            case PARAGRAPH, HEADING, QUOTE, LIST_ITEM -> textBucket(block.text());
            case IMAGE -> imageBucket(images.get(image++));
            case VIDEO -> videoBucket(((ContentBlock.Video) block).durationSeconds());
          };
      layout.add(new LayoutToken(block.kind(), bucket));
    }
    return List.copyOf(layout);
  }

  static int textBucket(String text) {
    String stripped = text.strip();
    return bucket(stripped.codePointCount(0, stripped.length()), 40, 200, 800);
  }

  static int imageBucket(ImageAttributes image) {
    return bucket((double) image.width() * image.height(), 250_000, 1_000_000, 4_000_000);
  }

  static int videoBucket(double durationSeconds) {
    return bucket(durationSeconds, 30, 120, 600);
  }

  private static int bucket(double value, double first, double second, double third) {
    if (value < first) {
      return 0;
    }
    if (value < second) {
      return 1;
    }
    return value < third ? 2 : 3;
  }
}
