package io.mmq.tensorflow;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The wide part of Wide and Deep: per task a linear logit over the sparse hashed features (the
 * title's tokens and adjacent pairs, tags, body words and categorical values, see {@link
 * FeatureEncoder}) and the normalised atomic attributes, added to the task towers' logits. Its
 * weights start at zero, so at the start the network is the deep one alone; the weight decay
 * regularises them like every parameter (an L2 penalty in AdamW's form).
 */
final class WidePart {
  private final Layers layers;

  WidePart(Layers layers) {
    this.layers = layers;
  }

  /** ids [B, S] (0 = padding), atomic [B, F] or null -> logits [B, tasks]. */
  Operand<TFloat32> logits(Operand<TInt32> ids, int buckets, Operand<TFloat32> atomic, int atomicCount, int tasks) {
    Ops tf = layers.tf;
    Operand<TFloat32> weights =
        tf.gather(layers.params.filled("wide.weights", 0f, buckets, tasks), ids, tf.constant(0)); // [B, S, T]
    Operand<TFloat32> sum =
        tf.reduceSum(tf.math.mul(weights, tf.expandDims(layers.mask(ids), tf.constant(2))), layers.dims(1));
    if (atomic == null) {
      return sum;
    }
    return tf.math.add(sum, tf.linalg.matMul(atomic, layers.params.filled("wide.atomic", 0f, atomicCount, tasks)));
  }
}
