package io.mmq.tensorflow;

import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The attribute feature vector of one sub-network: [batch, width]. */
record ChannelOutput(String name, Operand<TFloat32> vector, int width) {
  ChannelOutput {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(vector, "vector is null");
    if (width < 1) {
      throw new IllegalArgumentException("width of channel " + name + " must be positive");
    }
  }
}
