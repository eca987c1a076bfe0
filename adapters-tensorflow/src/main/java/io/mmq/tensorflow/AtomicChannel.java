package io.mmq.tensorflow;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The atomic sub-network (R10, fig. 5): pairwise crosses of the atomic attributes. Every numeric
 * attribute x_j is a field with embedding x_j * v_j, every categorical attribute a field with a
 * hashed embedding. FM: the pairwise interaction sum_{j<k} e_j * e_k (elementwise, K wide) =
 * ((sum e)^2 - sum e^2) / 2. DCN-v2: x_{l+1} = x_0 * (W_l x_l + b_l) + x_l over x_0 = [numeric
 * values, categorical embeddings]; without DCN the linear x_0 is passed on.
 */
final class AtomicChannel {
  private final Layers layers;
  private final CrossMode cross;
  private final int fieldDim;
  private final int crossLayers;
  private final int categoricalBuckets;

  AtomicChannel(Layers layers, CrossMode cross, int fieldDim, int crossLayers, int categoricalBuckets) {
    this.layers = layers;
    this.cross = cross;
    this.fieldDim = fieldDim;
    this.crossLayers = crossLayers;
    this.categoricalBuckets = categoricalBuckets;
  }

  /** numeric [B, F] or null; categorical [B, C] or null; not both null. */
  ChannelOutput build(Operand<TFloat32> numeric, int numericCount, Operand<TInt32> categorical, int categoricalCount) {
    Ops tf = layers.tf;
    List<Operand<TFloat32>> fields = new ArrayList<>();
    List<Operand<TFloat32>> linear = new ArrayList<>();
    int linearWidth = 0;
    if (numeric != null) {
      if (cross.fm()) { // the field embeddings feed only the FM interaction
        fields.add(
            tf.math.mul(
                tf.expandDims(numeric, tf.constant(2)),
                layers.params.uniform("atomic.field_embedding", 0.05, numericCount, fieldDim)));
      }
      linear.add(numeric);
      linearWidth += numericCount;
    }
    if (categorical != null) {
      Operand<TFloat32> embedded =
          layers.embed("atomic.categorical_embedding", categorical, categoricalBuckets, fieldDim);
      fields.add(embedded);
      linear.add(tf.reshape(embedded, layers.dims(-1, categoricalCount * fieldDim)));
      linearWidth += categoricalCount * fieldDim;
    }
    List<Operand<TFloat32>> parts = new ArrayList<>();
    int width = 0;
    if (cross.fm()) {
      Operand<TFloat32> e = layers.concat(fields, 1); // [B, fields, K]
      Operand<TFloat32> sum = tf.reduceSum(e, layers.dims(1));
      Operand<TFloat32> squares = tf.reduceSum(tf.math.square(e), layers.dims(1));
      parts.add(tf.math.mul(layers.scalar(0.5f), tf.math.sub(tf.math.square(sum), squares)));
      width += fieldDim;
    }
    Operand<TFloat32> x0 = layers.concat(linear, 1);
    Operand<TFloat32> xl = x0;
    if (cross.dcn()) {
      for (int l = 0; l < crossLayers; l++) {
        xl = tf.math.add(tf.math.mul(x0, layers.dense("atomic.cross" + l, xl, linearWidth, linearWidth, false)), xl);
      }
    }
    parts.add(xl);
    width += linearWidth;
    return new ChannelOutput("atomic", layers.concat(parts, 1), width);
  }
}
