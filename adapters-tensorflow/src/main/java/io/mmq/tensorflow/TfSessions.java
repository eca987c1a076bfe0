package io.mmq.tensorflow;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * Session settings that make TensorFlow repeatable: one intra-op thread, and every run executing
 * its ops on the calling thread ({@code inter_op_thread_pool = -1}); without the latter a share of
 * runs drift. Serving scales by running concurrent calls on their own threads.
 */
final class TfSessions {
  static final ConfigProto CONFIG =
      ConfigProto.newBuilder()
          .setIntraOpParallelismThreads(1)
          .setInterOpParallelismThreads(1)
          // on a GPU build: take device memory as needed instead of all of it up front
          .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true))
          .build();
  static final RunOptions RUN = RunOptions.newBuilder().setInterOpThreadPool(-1).build();

  private TfSessions() {}

  /** Copies a [rows, cols] float tensor into Java arrays, checking its shape. */
  static float[][] matrix(TFloat32 tensor, int rows, int cols) {
    long[] shape = tensor.shape().asArray();
    if (shape.length != 2 || shape[0] != rows || shape[1] != cols) {
      throw new IllegalStateException(
          "expected a [" + rows + ", " + cols + "] tensor, got " + tensor.shape());
    }
    float[][] out = new float[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r][c] = tensor.getFloat(r, c);
      }
    }
    return out;
  }

  /** Copies a tensor's values in row-major order. */
  static float[] values(TFloat32 tensor) {
    float[] out = new float[Math.toIntExact(tensor.shape().size())];
    tensor.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
    return out;
  }
}
