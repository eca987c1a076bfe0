package io.mmq.tensorflow;

import io.mmq.core.attribute.model.LayoutToken;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The style sub-network (R10, fig. 8) over the layout sequence: channel 1 an LSTM, unrolled by hand
 * (the fused LSTM ops have no gradient in TensorFlow Java) and holding its state over padding, with
 * attention pooling; channel 2 a width-3 convolution with ReLU and max pooling over the real
 * positions. Output [B, lstmUnits + convFilters].
 */
final class StyleChannel {
  private final Layers layers;
  private final int length;
  private final int dim;
  private final int units;
  private final int filters;

  StyleChannel(Layers layers, int length, int dim, int units, int filters) {
    this.layers = layers;
    this.length = length;
    this.dim = dim;
    this.units = units;
    this.filters = filters;
  }

  ChannelOutput build(Operand<TInt32> layout) {
    Ops tf = layers.tf;
    Operand<TFloat32> mask = layers.mask(layout); // [B, L]
    Operand<TFloat32> x = layers.embed("style.embedding", layout, LayoutToken.vocabularySize() + 1, dim);
    Operand<TFloat32> lstm = layers.attentionPool("style.lstm_attention", lstm(x, mask), mask, length, units);
    Operand<TFloat32> conv =
        tf.nn.relu(
            tf.nn.biasAdd(
                tf.nn.conv2d(
                    tf.expandDims(x, tf.constant(1)),
                    layers.params.glorot("style.conv.filter", 1, 3, dim, filters),
                    List.of(1L, 1L, 1L, 1L),
                    "SAME"),
                layers.params.filled("style.conv.b", 0f, filters))); // [B, 1, L, F]
    Operand<TFloat32> masked =
        tf.math.mul(conv, tf.reshape(mask, layers.dims(-1, 1, length, 1)));
    Operand<TFloat32> pooled = tf.reshape(tf.reduceMax(masked, layers.dims(1, 2)), layers.dims(-1, filters));
    return new ChannelOutput(
        "style", layers.concat(List.of(lstm, pooled), 1), units + filters);
  }

  /** The hidden states [B, L, H]; a padded step keeps the previous state. */
  private Operand<TFloat32> lstm(Operand<TFloat32> x, Operand<TFloat32> mask) {
    Ops tf = layers.tf;
    Operand<TFloat32> wx = layers.params.glorot("style.lstm.wx", dim, 4 * units);
    Operand<TFloat32> wh = layers.params.glorot("style.lstm.wh", units, 4 * units);
    Operand<TFloat32> bias = layers.params.filled("style.lstm.b", 0f, 4 * units);
    List<Output<TFloat32>> inputs = tf.unstack(x, (long) length, Unstack.axis(1L)).output();
    List<Output<TFloat32>> masks =
        tf.unstack(tf.expandDims(mask, tf.constant(2)), (long) length, Unstack.axis(1L)).output();
    List<Operand<TFloat32>> states = new ArrayList<>();
    Operand<TFloat32> h = null;
    Operand<TFloat32> c = null;
    for (int t = 0; t < length; t++) {
      Operand<TFloat32> z = tf.nn.biasAdd(tf.linalg.matMul(inputs.get(t), wx), bias);
      if (h != null) {
        z = tf.math.add(z, tf.linalg.matMul(h, wh));
      }
      List<Output<TFloat32>> gates = tf.split(tf.constant(1), z, 4L).output();
      Operand<TFloat32> in = tf.math.sigmoid(gates.get(0));
      Operand<TFloat32> forget = tf.math.sigmoid(tf.math.add(gates.get(1), layers.scalar(1f)));
      Operand<TFloat32> candidate = tf.math.tanh(gates.get(2));
      Operand<TFloat32> out = tf.math.sigmoid(gates.get(3));
      Operand<TFloat32> cNew =
          c == null
              ? tf.math.mul(in, candidate)
              : tf.math.add(tf.math.mul(forget, c), tf.math.mul(in, candidate));
      Operand<TFloat32> hNew = tf.math.mul(out, tf.math.tanh(cNew));
      Operand<TFloat32> m = masks.get(t);
      c = c == null ? tf.math.mul(m, cNew) : keep(m, cNew, c);
      h = h == null ? tf.math.mul(m, hNew) : keep(m, hNew, h);
      states.add(h);
    }
    return tf.stack(states, Stack.axis(1L));
  }

  /** m * next + (1 - m) * previous. */
  private Operand<TFloat32> keep(Operand<TFloat32> m, Operand<TFloat32> next, Operand<TFloat32> previous) {
    Ops tf = layers.tf;
    return tf.math.add(previous, tf.math.mul(m, tf.math.sub(next, previous)));
  }
}
