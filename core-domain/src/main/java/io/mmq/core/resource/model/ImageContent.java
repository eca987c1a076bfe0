package io.mmq.core.resource.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image block's content: encoded bytes (JPEG or PNG), a precomputed embedding, or both, and an
 * optional caption. Arrays are copied in and out so the value stays immutable.
 */
public final class ImageContent {
  private final byte[] data;
  private final float[] embedding;
  private final String caption;

  public ImageContent(byte[] data, float[] embedding, String caption) {
    Objects.requireNonNull(data, "image.data is null");
    Objects.requireNonNull(embedding, "image.embedding is null");
    Objects.requireNonNull(caption, "image.caption is null");
    for (int i = 0; i < embedding.length; i++) {
      if (!Float.isFinite(embedding[i])) {
        throw new IllegalArgumentException(
            "image.embedding[" + i + "] must be a finite number, was " + embedding[i]);
      }
    }
    if (data.length == 0 && embedding.length == 0) {
      throw new IllegalArgumentException("image needs data or an embedding");
    }
    this.data = data.clone();
    this.embedding = embedding.clone();
    this.caption = caption;
  }

  public static ImageContent ofBytes(byte[] data) {
    return new ImageContent(data, new float[0], "");
  }

  public static ImageContent ofEmbedding(float[] embedding) {
    return new ImageContent(new byte[0], embedding, "");
  }

  public byte[] data() {
    return data.clone();
  }

  public boolean hasData() {
    return data.length > 0;
  }

  public int dataLength() {
    return data.length;
  }

  public float[] embedding() {
    return embedding.clone();
  }

  public boolean hasEmbedding() {
    return embedding.length > 0;
  }

  public String caption() {
    return caption;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageContent other
        && Arrays.equals(data, other.data)
        && Arrays.equals(embedding, other.embedding)
        && caption.equals(other.caption);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(data), Arrays.hashCode(embedding), caption);
  }

  @Override
  public String toString() {
    return "ImageContent[" + data.length + " bytes, embedding " + embedding.length + "]";
  }
}
