package io.mmq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;

/** The FLOP counting rules on hand-built graphs, and the matrix-multiply peak's runs. */
class ModelProfilerTest {

  @Test
  void countsTwiceTheMultiplyAddsOfMatMulBatchMatMulAndConv2dAndNothingElse() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      // [2, 3] x [3, 4]: 2 * 8 outputs * 3
      tf.linalg.matMul(input(tf, 2, 3), input(tf, 3, 4));
      // transposed a: [3, 2]^T x [3, 4]: the contraction is a's first dimension (3)
      tf.linalg.matMul(input(tf, 3, 2), input(tf, 3, 4), MatMul.transposeA(true));
      // [5, 1, 6] x [5, 6, 7]: 2 * 35 outputs * 6
      tf.train.batchMatMul(input(tf, 5, 1, 6), input(tf, 5, 6, 7), TFloat32.class);
      // adjoint x: [5, 6, 1]^H x [5, 6, 7]: contraction 6
      tf.train.batchMatMul(input(tf, 5, 6, 1), input(tf, 5, 6, 7), TFloat32.class, BatchMatMul.adjX(true));
      // [1, 8, 8, 3] with a 3x3x3x4 filter, stride 2, SAME: [1, 4, 4, 4] = 64 outputs * 27
      tf.nn.conv2d(input(tf, 1, 8, 8, 3), input(tf, 3, 3, 3, 4), List.of(1L, 2L, 2L, 1L), "SAME");
      tf.math.add(input(tf, 100, 100), input(tf, 100, 100));

      ModelProfiler.FlopCount count = ModelProfiler.count(graph);

      assertThat(count.byOpType())
          .isEqualTo(Map.of("MatMul", 2L * 8 * 3 * 2, "BatchMatMulV3", 2L * 35 * 6 * 2, "Conv2D", 2L * 64 * 27));
      assertThat(count.flopsPerItem()).isEqualTo(96 + 840 + 3456);
      assertThat(count.countedOps()).isEqualTo(5);
    }
  }

  @Test
  void anUnknownDimensionIsAnErrorNotAnUndercount() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      tf.linalg.matMul(input(tf, -1, 3), input(tf, 3, 4));

      assertThatThrownBy(() -> ModelProfiler.count(graph))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("MatMul")
          .hasMessageContaining("unknown shape");
    }
  }

  @Test
  void thePeakReportsEveryTimedRun() {
    ModelProfiler.MatMulPeak peak = ModelProfiler.matMulPeak(64, 1, 3);

    assertThat(peak.gflops()).hasSize(3).allSatisfy(g -> assertThat(g).isPositive().isFinite());
    assertThat(peak.bestGflops()).isEqualTo(peak.gflops().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
  }

  private static Placeholder<TFloat32> input(Ops tf, long... shape) {
    return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
  }
}
