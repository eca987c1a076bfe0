package io.mmq.tensorflow;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Encodes the images of a resource (R10): a small CNN over the 32x32x3 thumbnail, standardised per
 * image (mean per colour channel removed, divided by the standard deviation; two 3x3 stride-2
 * convolutions with ReLU, global max pooling, a dense layer) and/or a dense projection of a given
 * embedding; an image with both gets the sum. Output [B, I, D] (zero for an empty slot) and the
 * image mask [B, I].
 */
final class ImageEncoder {
  private final Layers layers;
  private final int images;
  private final int filters;
  private final int dim;

  ImageEncoder(Layers layers, int images, int filters, int dim) {
    this.layers = layers;
    this.images = images;
    this.filters = filters;
    this.dim = dim;
  }

  /** The encodings and mask; {@code embedding}/{@code embeddingMask} may be null. */
  Encoded encode(
      Operand<TFloat32> pixels,
      Operand<TFloat32> pixelMask,
      Operand<TFloat32> embedding,
      Operand<TFloat32> embeddingMask,
      int embeddingDim) {
    Ops tf = layers.tf;
    int side = InputShapes.PIXEL_SIDE;
    // per-image standardisation: the CNN sees the pattern, not the overall colour and contrast
    Operand<TFloat32> raw = tf.reshape(pixels, layers.dims(-1, side, side, 3));
    Operand<TFloat32> centred =
        tf.math.sub(raw, tf.math.mean(raw, layers.dims(1, 2), Mean.keepDims(true)));
    Operand<TFloat32> x =
        tf.math.mul(
            centred,
            tf.math.rsqrt(
                tf.math.add(
                    tf.math.mean(tf.math.square(centred), layers.dims(1, 2, 3), Mean.keepDims(true)),
                    layers.scalar(1e-3f))));
    Operand<TFloat32> c1 = conv("image.conv1", x, 3, filters);
    Operand<TFloat32> c2 = conv("image.conv2", c1, filters, 2 * filters);
    Operand<TFloat32> pooled = tf.reduceMax(c2, layers.dims(1, 2));
    Operand<TFloat32> cnn =
        tf.reshape(layers.dense("image.cnn_out", pooled, 2 * filters, dim, true), layers.dims(-1, images, dim));
    Operand<TFloat32> encoded = tf.math.mul(cnn, tf.expandDims(pixelMask, tf.constant(2)));
    Operand<TFloat32> mask = pixelMask;
    if (embedding != null) {
      Operand<TFloat32> projected =
          layers.denseEach("image.embedding_proj", embedding, images, embeddingDim, dim, true);
      encoded =
          tf.math.add(encoded, tf.math.mul(projected, tf.expandDims(embeddingMask, tf.constant(2))));
      mask = tf.math.maximum(pixelMask, embeddingMask);
    }
    return new Encoded(encoded, mask);
  }

  private Operand<TFloat32> conv(String name, Operand<TFloat32> x, int in, int out) {
    Ops tf = layers.tf;
    Operand<TFloat32> y =
        tf.nn.conv2d(x, layers.params.glorot(name + ".filter", 3, 3, in, out), List.of(1L, 2L, 2L, 1L), "SAME");
    return tf.nn.relu(tf.nn.biasAdd(y, layers.params.filled(name + ".b", 0f, out)));
  }

  /** Image encodings [B, I, D] (zero for empty slots) and the image mask [B, I]. */
  record Encoded(Operand<TFloat32> vectors, Operand<TFloat32> mask) {}
}
