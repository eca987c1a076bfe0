package io.mmq.tensorflow;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;

/**
 * The task sub-networks (R11, claim 10, figs. 9A-9C): a shared expert layer, a softmax gate per
 * task (MMoE), one gate for all tasks (SHARED) or a single shared bottom (HARD), and a fusion tower
 * per task: y_k = h_k(sum_i g_k(x)_i f_i(x)), g_k(x) = softmax(W_gk x).
 */
final class MultiTaskHead {
  private final Layers layers;
  private final GateMode mode;
  private final int experts;
  private final int expertDim;
  private final int towerDim;

  MultiTaskHead(Layers layers, GateMode mode, int experts, int expertDim, int towerDim) {
    this.layers = layers;
    this.mode = mode;
    this.experts = experts;
    this.expertDim = expertDim;
    this.towerDim = towerDim;
  }

  /** Logits [B, T] and gate weights [B, T, E] (null with hard sharing) from z [B, width]. */
  Outputs build(Operand<TFloat32> z, int width, int tasks) {
    Ops tf = layers.tf;
    List<Operand<TFloat32>> mixtures = new ArrayList<>();
    List<Operand<TFloat32>> gates = new ArrayList<>();
    switch (mode) {
      case HARD -> {
        Operand<TFloat32> shared = layers.dense("mtl.shared", z, width, expertDim, true);
        for (int k = 0; k < tasks; k++) {
          mixtures.add(shared);
        }
      }
      case SHARED, MMOE -> {
        Operand<TFloat32> expertOut =
            tf.reshape(
                layers.dense("mtl.experts", z, width, experts * expertDim, true),
                layers.dims(-1, experts, expertDim));
        Operand<TFloat32> sharedGate =
            mode == GateMode.SHARED ? tf.nn.softmax(layers.dense("mtl.gate", z, width, experts, false)) : null;
        for (int k = 0; k < tasks; k++) {
          Operand<TFloat32> gate =
              sharedGate != null
                  ? sharedGate
                  : tf.nn.softmax(layers.dense("mtl.gate" + k, z, width, experts, false));
          gates.add(gate);
          mixtures.add(
              tf.reshape(
                  layers.bmm(tf.expandDims(gate, tf.constant(1)), expertOut, false),
                  layers.dims(-1, expertDim)));
        }
      }
    }
    List<Operand<TFloat32>> logits = new ArrayList<>();
    for (int k = 0; k < tasks; k++) {
      Operand<TFloat32> hidden = layers.dense("mtl.tower" + k + ".hidden", mixtures.get(k), expertDim, towerDim, true);
      logits.add(layers.dense("mtl.tower" + k + ".out", hidden, towerDim, 1, false));
    }
    Operand<TFloat32> gateTensor = gates.isEmpty() ? null : tf.stack(gates, Stack.axis(1L));
    return new Outputs(layers.concat(logits, 1), gateTensor);
  }

  /** The head's outputs. */
  record Outputs(Operand<TFloat32> logits, Operand<TFloat32> gates) {}
}
