package io.mmq.tensorflow;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The building blocks of the network, over ops that have gradients in TensorFlow Java 1.1.0
 * (GatherV2, MatMul, BatchMatMulV3, Softmax, Conv2D, ...). Shapes are static except the batch.
 * Masks are float tensors with 1 for a real element and 0 for padding.
 */
final class Layers {
  private static final float NEG_LARGE = 1e4f;

  final Ops tf;
  final Parameters params;

  Layers(Ops tf, Parameters params) {
    this.tf = tf;
    this.params = params;
  }

  Operand<TInt32> dims(int... values) {
    return tf.constant(values);
  }

  Operand<TFloat32> scalar(float value) {
    return tf.constant(value);
  }

  /** x [N, in] -> [N, out], optionally ReLU. */
  Operand<TFloat32> dense(String name, Operand<TFloat32> x, int in, int out, boolean relu) {
    Operand<TFloat32> y =
        tf.nn.biasAdd(
            tf.linalg.matMul(x, params.glorot(name + ".w", in, out)),
            params.filled(name + ".b", 0f, out));
    return relu ? tf.nn.relu(y) : y;
  }

  /** Embedding lookup (GatherV2, which has a gradient): ids [...] -> [..., dim]. */
  Operand<TFloat32> embed(String name, Operand<TInt32> ids, int vocabulary, int dim) {
    return tf.gather(params.uniform(name, 0.05, vocabulary, dim), ids, tf.constant(0));
  }

  /** 1 where the id is not padding. */
  Operand<TFloat32> mask(Operand<TInt32> ids) {
    return tf.dtypes.cast(tf.math.notEqual(ids, tf.constant(0)), TFloat32.class);
  }

  /** Whether any element is real: mask [N, T] -> [N, 1]. */
  Operand<TFloat32> any(Operand<TFloat32> mask) {
    return tf.reduceMax(mask, dims(1), ReduceMax.keepDims(true));
  }

  Operand<TFloat32> bmm(Operand<TFloat32> a, Operand<TFloat32> b, boolean adjointB) {
    return tf.train.batchMatMul(a, b, TFloat32.class, BatchMatMul.adjY(adjointB));
  }

  /** Softmax over the last axis of scores, padding (mask 0) pushed to -1e4 first. */
  Operand<TFloat32> maskedSoftmax(Operand<TFloat32> scores, Operand<TFloat32> mask) {
    return tf.nn.softmax(
        tf.math.add(scores, tf.math.mul(tf.math.sub(mask, scalar(1f)), scalar(NEG_LARGE))));
  }

  /**
   * Additive attention pooling with a learned target vector: score_t = u . tanh(W x_t + b), softmax
   * over the real elements, weighted sum. x [N, T, D], mask [N, T] -> [N, D]; zero for a row with
   * no real element.
   */
  Operand<TFloat32> attentionPool(
      String name, Operand<TFloat32> x, Operand<TFloat32> mask, int steps, int dim) {
    Operand<TFloat32> flat = tf.reshape(x, dims(-1, dim));
    Operand<TFloat32> hidden = tf.math.tanh(dense(name + ".proj", flat, dim, dim, false));
    Operand<TFloat32> scores =
        tf.reshape(tf.linalg.matMul(hidden, params.glorot(name + ".target", dim, 1)), dims(-1, steps));
    Operand<TFloat32> alpha = maskedSoftmax(scores, mask);
    Operand<TFloat32> pooled = tf.reshape(bmm(tf.expandDims(alpha, tf.constant(1)), x, false), dims(-1, dim));
    return tf.math.mul(pooled, any(mask));
  }

  /** Mean over the real elements: x [N, T, D], mask [N, T] -> [N, D]; zero when none is real. */
  Operand<TFloat32> maskedMean(Operand<TFloat32> x, Operand<TFloat32> mask) {
    Operand<TFloat32> summed =
        tf.reduceSum(tf.math.mul(x, tf.expandDims(mask, tf.constant(2))), dims(1));
    Operand<TFloat32> count =
        tf.math.maximum(tf.reduceSum(mask, dims(1), ReduceSum.keepDims(true)), scalar(1f));
    return tf.math.div(summed, count);
  }

  /** Layer normalisation over the last axis with a learned gain and bias. */
  Operand<TFloat32> layerNorm(String name, Operand<TFloat32> x, int dim) {
    Operand<TFloat32> mu = tf.math.mean(x, dims(-1), Mean.keepDims(true));
    Operand<TFloat32> centred = tf.math.sub(x, mu);
    Operand<TFloat32> variance =
        tf.math.mean(tf.math.square(centred), dims(-1), Mean.keepDims(true));
    Operand<TFloat32> normal =
        tf.math.mul(centred, tf.math.rsqrt(tf.math.add(variance, scalar(1e-5f))));
    return tf.math.add(
        tf.math.mul(normal, params.filled(name + ".gain", 1f, dim)),
        params.filled(name + ".bias", 0f, dim));
  }

  /** Applies a dense layer to every element: x [N, T, in] -> [N, T, out]. */
  Operand<TFloat32> denseEach(
      String name, Operand<TFloat32> x, int steps, int in, int out, boolean relu) {
    return tf.reshape(dense(name, tf.reshape(x, dims(-1, in)), in, out, relu), dims(-1, steps, out));
  }

  Operand<TFloat32> concat(List<Operand<TFloat32>> parts, int axis) {
    return parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(axis));
  }
}
