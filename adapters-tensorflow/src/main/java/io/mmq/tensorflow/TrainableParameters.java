package io.mmq.tensorflow;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Trainable variables. A fresh variable is initialised in the graph's init scope by
 * StatelessRandomUniform with the seed pair (training seed, hash of its name), scaled to
 * U(-limit, limit) -- repeatable, and independent of which other channels exist (framework 1.1.0's
 * Glorot initialiser draws U(0, limit), so it is not used). When fine-tuning, every variable starts
 * from the artifact's value instead, whose shape must match.
 */
final class TrainableParameters implements Parameters {
  private final Ops tf;
  private final long seed;
  private final Optional<Weights> start;
  private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();

  TrainableParameters(Ops tf, long seed, Optional<Weights> start) {
    this.tf = tf;
    this.seed = seed;
    this.start = start;
  }

  /** The variables in creation order. */
  Map<String, Variable<TFloat32>> variables() {
    return Collections.unmodifiableMap(variables);
  }

  @Override
  public Operand<TFloat32> uniform(String name, double limit, long... shape) {
    Ops init = tf.withInitScope();
    return create(
        name,
        shape,
        () -> {
          long nameHash = Hashing.murmur3_128().hashString(name, StandardCharsets.UTF_8).asLong();
          Operand<TFloat32> u =
              init.random.statelessRandomUniform(
                  init.constant(shape), init.constant(new long[] {seed, nameHash}), TFloat32.class);
          return init.math.mul(
              init.math.sub(u, init.constant(0.5f)), init.constant((float) (2 * limit)));
        });
  }

  @Override
  public Operand<TFloat32> filled(String name, float value, long... shape) {
    Ops init = tf.withInitScope();
    return create(name, shape, () -> init.fill(init.constant(shape), init.constant(value)));
  }

  private Operand<TFloat32> create(
      String name, long[] shape, java.util.function.Supplier<Operand<TFloat32>> fresh) {
    if (variables.containsKey(name)) {
      throw new IllegalStateException("parameter '" + name + "' is defined twice");
    }
    Operand<TFloat32> initial;
    if (start.isPresent()) {
      Weights.Entry entry = start.get().get(name);
      if (entry == null) {
        throw new IllegalArgumentException("the model to fine-tune has no parameter '" + name + "'");
      }
      if (!Arrays.equals(entry.shape(), shape)) {
        throw new IllegalArgumentException(
            "parameter '" + name + "' of the model to fine-tune has shape "
                + Arrays.toString(entry.shape()) + ", the network needs " + Arrays.toString(shape));
      }
      initial =
          tf.withInitScope().constant(Shape.of(shape), DataBuffers.of(entry.values(), true, false));
    } else {
      initial = fresh.get();
    }
    Variable<TFloat32> variable = tf.withName(name).variable(initial);
    variables.put(name, variable);
    return variable;
  }
}
