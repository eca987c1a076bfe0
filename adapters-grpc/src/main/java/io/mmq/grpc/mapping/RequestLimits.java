package io.mmq.grpc.mapping;

import io.mmq.core.attribute.policy.ImageAttributeExtractor;
import io.mmq.core.classification.port.in.ClassifyResourcesCommand;
import io.mmq.core.resource.model.Resource;

/**
 * Size limits on what a request or a JSON Lines record may carry, checked by the mappers before
 * anything is stored or classified; a value over its limit is {@code RESOURCE_EXHAUSTED} naming
 * the field. Each limit may be lowered from its default; only {@code maxImageBytes} may be raised
 * (up to 64 MiB, the largest message the server accepts), since the core enforces the other
 * defaults itself.
 *
 * @param maxTitleChars longest {@code title}
 * @param maxBlockTextChars longest text of one block (paragraph, heading, quote, list item,
 *     caption)
 * @param maxImageBytes largest encoded image of one block
 * @param maxImagePixels most pixels (width x height) an image's header may declare
 * @param maxImageSide longest side an image's header may declare
 * @param maxResourcesPerRequest most items of one Classify or candidates of one Rerank
 */
public record RequestLimits(
    int maxTitleChars,
    int maxBlockTextChars,
    int maxImageBytes,
    long maxImagePixels,
    int maxImageSide,
    int maxResourcesPerRequest) {

  /** The largest values: the core's own limits. */
  public static final RequestLimits DEFAULT =
      new RequestLimits(
          Resource.MAX_TITLE_LENGTH,
          Resource.MAX_BLOCK_TEXT_LENGTH,
          8 * 1024 * 1024,
          ImageAttributeExtractor.Limits.DEFAULT.maxPixels(),
          ImageAttributeExtractor.Limits.DEFAULT.maxSide(),
          ClassifyResourcesCommand.MAX_RESOURCES);

  public RequestLimits {
    check(maxTitleChars, Resource.MAX_TITLE_LENGTH, "maxTitleChars");
    check(maxBlockTextChars, Resource.MAX_BLOCK_TEXT_LENGTH, "maxBlockTextChars");
    check(maxImageBytes, 64 * 1024 * 1024, "maxImageBytes");
    check(maxImagePixels, ImageAttributeExtractor.Limits.DEFAULT.maxPixels(), "maxImagePixels");
    check(maxImageSide, ImageAttributeExtractor.Limits.DEFAULT.maxSide(), "maxImageSide");
    check(maxResourcesPerRequest, ClassifyResourcesCommand.MAX_RESOURCES, "maxResourcesPerRequest");
  }

  private static void check(long value, long max, String name) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(name + " must be in [1, " + max + "], was " + value);
    }
  }
}
