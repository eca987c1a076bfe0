package io.mmq.tensorflow;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Parameters as constants taken from stored weights: the lean inference graph has no variables,
 * no initialisers and no optimizer. Each requested parameter must exist with exactly the requested
 * shape, and {@link #requireAllUsed} rejects stored weights the network does not use.
 */
final class FrozenParameters implements Parameters {
  private final Ops tf;
  private final Weights weights;
  private final Set<String> used = new HashSet<>();

  FrozenParameters(Ops tf, Weights weights) {
    this.tf = tf;
    this.weights = weights;
  }

  @Override
  public Operand<TFloat32> uniform(String name, double limit, long... shape) {
    return constant(name, shape);
  }

  @Override
  public Operand<TFloat32> filled(String name, float value, long... shape) {
    return constant(name, shape);
  }

  private Operand<TFloat32> constant(String name, long[] shape) {
    Weights.Entry entry = weights.get(name);
    if (entry == null) {
      throw new IllegalArgumentException("model artifact: weight '" + name + "' is missing");
    }
    if (!Arrays.equals(entry.shape(), shape)) {
      throw new IllegalArgumentException(
          "model artifact: weight '" + name + "' has shape " + Arrays.toString(entry.shape())
              + ", the network needs " + Arrays.toString(shape));
    }
    if (!used.add(name)) {
      throw new IllegalStateException("parameter '" + name + "' is defined twice");
    }
    return tf.withName(name).constant(Shape.of(shape), DataBuffers.of(entry.values(), true, false));
  }

  void requireAllUsed() {
    Set<String> unused = new TreeSet<>(weights.entries().keySet());
    unused.removeAll(used);
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException(
          "model artifact: weights " + unused + " do not belong to the configured network");
    }
  }
}
