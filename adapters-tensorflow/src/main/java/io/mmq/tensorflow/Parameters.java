package io.mmq.tensorflow;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Where the network's parameters come from while its graph is built: trainable variables (fresh
 * seeded initialisation or an artifact's values for fine-tuning) or frozen constants (the lean
 * inference graph). Every parameter has a unique, stable name.
 */
interface Parameters {

  /** A weight drawn from U(-limit, limit). */
  Operand<TFloat32> uniform(String name, double limit, long... shape);

  /** A parameter filled with {@code value} (biases, layer-norm gains). */
  Operand<TFloat32> filled(String name, float value, long... shape);

  /** A Glorot-uniform weight: limit sqrt(6 / (fan in + fan out)). */
  default Operand<TFloat32> glorot(String name, long... shape) {
    long receptive = 1;
    for (int i = 0; i < shape.length - 2; i++) {
      receptive *= shape[i];
    }
    double fanIn = shape.length >= 2 ? shape[shape.length - 2] * receptive : shape[0];
    double fanOut = shape.length >= 2 ? shape[shape.length - 1] * receptive : shape[0];
    return uniform(name, Math.sqrt(6.0 / (fanIn + fanOut)), shape);
  }
}
