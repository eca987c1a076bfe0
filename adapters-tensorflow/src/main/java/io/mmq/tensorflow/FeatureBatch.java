package io.mmq.tensorflow;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A batch of encoded examples as flat Java arrays, one per input, row-major with the batch first.
 * {@link #toTensors} copies them into TensorFlow tensors that the caller must close.
 */
final class FeatureBatch {
  private final InputShapes shapes;
  private final int rows;
  private final Map<ModelInput, int[]> ints = new EnumMap<>(ModelInput.class);
  private final Map<ModelInput, float[]> floats = new EnumMap<>(ModelInput.class);

  FeatureBatch(InputShapes shapes, int rows, Set<ModelInput> inputs) {
    if (rows < 1) {
      throw new IllegalArgumentException("a batch needs at least one row, was " + rows);
    }
    this.shapes = shapes;
    this.rows = rows;
    for (ModelInput input : inputs) {
      int n = Math.multiplyExact(rows, shapes.size(input));
      if (input.integer()) {
        ints.put(input, new int[n]);
      } else {
        floats.put(input, new float[n]);
      }
    }
  }

  int rows() {
    return rows;
  }

  boolean has(ModelInput input) {
    return ints.containsKey(input) || floats.containsKey(input);
  }

  /** The id array of an integer input, or null when this batch does not carry it. */
  int[] ints(ModelInput input) {
    return ints.get(input);
  }

  /** The value array of a float input, or null when this batch does not carry it. */
  float[] floats(ModelInput input) {
    return floats.get(input);
  }

  /** Tensors of shape [rows, example shape...] for every carried input; the caller closes them. */
  BatchTensors toTensors() {
    BatchTensors tensors = new BatchTensors();
    try {
      for (Map.Entry<ModelInput, int[]> e : ints.entrySet()) {
        tensors.put(e.getKey(), TInt32.tensorOf(shape(e.getKey()), DataBuffers.of(e.getValue(), true, false)));
      }
      for (Map.Entry<ModelInput, float[]> e : floats.entrySet()) {
        tensors.put(e.getKey(), TFloat32.tensorOf(shape(e.getKey()), DataBuffers.of(e.getValue(), true, false)));
      }
      return tensors;
    } catch (RuntimeException e) {
      tensors.close();
      throw e;
    }
  }

  private Shape shape(ModelInput input) {
    long[] example = shapes.of(input);
    long[] dims = new long[example.length + 1];
    dims[0] = rows;
    System.arraycopy(example, 0, dims, 1, example.length);
    return Shape.of(dims);
  }

  /** The tensors of one batch; closing closes them all. */
  static final class BatchTensors implements AutoCloseable {
    private final Map<ModelInput, Tensor> tensors = new EnumMap<>(ModelInput.class);

    void put(ModelInput input, Tensor tensor) {
      tensors.put(input, tensor);
    }

    Map<ModelInput, Tensor> asMap() {
      return tensors;
    }

    @Override
    public void close() {
      tensors.values().forEach(Tensor::close);
      tensors.clear();
    }
  }
}
