package io.mmq.core.attribute.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * Attributes of one image (R2), from decoded pixels when bytes were given: resolution, aspect
 * ratio, sharpness (variance of the Laplacian of the grey image), colourfulness (Hasler and
 * Süsstrunk), and a small RGB thumbnail ({@code THUMBNAIL_SIZE}² × 3 floats in [0,1], row-major,
 * channel last) for the image CNN. An image known only by its embedding has no pixels: width,
 * height, sharpness and colourfulness are 0 and the thumbnail is empty; its embedding is kept.
 */
public record ImageAttributes(
    int width,
    int height,
    double aspectRatio,
    double sharpness,
    double colourfulness,
    float[] thumbnail,
    float[] embedding) {

  public static final int THUMBNAIL_SIZE = 32;

  public ImageAttributes {
    thumbnail = Objects.requireNonNull(thumbnail, "thumbnail is null").clone();
    embedding = Objects.requireNonNull(embedding, "embedding is null").clone();
    if (thumbnail.length != 0 && thumbnail.length != THUMBNAIL_SIZE * THUMBNAIL_SIZE * 3) {
      throw new IllegalArgumentException("thumbnail must hold 0 or 32*32*3 values");
    }
  }

  public boolean hasPixels() {
    return thumbnail.length > 0;
  }

  @Override
  public float[] thumbnail() {
    return thumbnail.clone();
  }

  @Override
  public float[] embedding() {
    return embedding.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageAttributes other
        && width == other.width
        && height == other.height
        && Double.compare(aspectRatio, other.aspectRatio) == 0
        && Double.compare(sharpness, other.sharpness) == 0
        && Double.compare(colourfulness, other.colourfulness) == 0
        && Arrays.equals(thumbnail, other.thumbnail)
        && Arrays.equals(embedding, other.embedding);
  }

  @Override
  public int hashCode() {
    return Objects.hash(width, height, aspectRatio, sharpness, colourfulness)
        + 31 * Arrays.hashCode(thumbnail)
        + 17 * Arrays.hashCode(embedding);
  }

  @Override
  public String toString() {
    return "ImageAttributes[" + width + "x" + height + ", sharpness=" + sharpness
        + ", colourfulness=" + colourfulness + "]";
  }
}
