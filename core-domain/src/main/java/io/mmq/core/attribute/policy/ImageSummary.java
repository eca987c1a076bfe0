package io.mmq.core.attribute.policy;

import io.mmq.core.attribute.model.ImageAttributes;
import java.util.List;
import java.util.Map;

/**
 * A summary of a resource's images (R2; the patent's "image attribute information"): the count of
 * image blocks, the share that carry an embedding, and over the images with pixels the means of
 * sharpness, colourfulness, log1p(width × height) and aspect ratio (0 when no image has pixels).
 */
final class ImageSummary {
  static final String COUNT = "image.count";
  static final String EMBEDDING_SHARE = "image.embedding_share";
  static final String MEAN_SHARPNESS = "image.mean_sharpness";
  static final String MEAN_COLOURFULNESS = "image.mean_colourfulness";
  static final String MEAN_RESOLUTION_LOG = "image.mean_resolution_log";
  static final String MEAN_ASPECT_RATIO = "image.mean_aspect_ratio";

  static final List<String> KEYS =
      List.of(
          COUNT,
          EMBEDDING_SHARE,
          MEAN_SHARPNESS,
          MEAN_COLOURFULNESS,
          MEAN_RESOLUTION_LOG,
          MEAN_ASPECT_RATIO);

  private ImageSummary() {}

  static Map<String, Double> of(List<ImageAttributes> images) {
    int withEmbedding = 0;
    int withPixels = 0;
    double sharpness = 0;
    double colourfulness = 0;
    double resolution = 0;
    double aspect = 0;
    for (ImageAttributes image : images) {
      withEmbedding += image.embedding().length > 0 ? 1 : 0;
      if (image.hasPixels()) {
        withPixels++;
        sharpness += image.sharpness();
        colourfulness += image.colourfulness();
        resolution += Math.log1p((double) image.width() * image.height());
        aspect += image.aspectRatio();
      }
    }
    int divisor = Math.max(1, withPixels);
    return Map.of(
        COUNT, (double) images.size(),
        EMBEDDING_SHARE, LanguageStatistics.share(withEmbedding, images.size()),
        MEAN_SHARPNESS, sharpness / divisor,
        MEAN_COLOURFULNESS, colourfulness / divisor,
        MEAN_RESOLUTION_LOG, resolution / divisor,
        MEAN_ASPECT_RATIO, aspect / divisor);
  }
}
