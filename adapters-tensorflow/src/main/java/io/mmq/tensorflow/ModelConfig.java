package io.mmq.tensorflow;

import java.util.Map;
import java.util.Objects;

/**
 * The whole configuration of the multi-task quality model: input limits, layer sizes, which
 * channels are on, how tasks share experts, the crosses of the atomic channel, and the training
 * schedule. Built from the core's {@code TrainingConfig} hyperparameter strings by {@link
 * Hyperparameters}; the defaults train in seconds on two CPU cores.
 */
record ModelConfig(
    Limits limits,
    Dimensions dimensions,
    Channels channels,
    GateMode gate,
    CrossMode cross,
    Schedule schedule) {

  static final ModelConfig DEFAULTS =
      new ModelConfig(
          new Limits(4096, 1024, 16, 8, 8, 16, 3, 24, 64, 16, 1 << 18),
          new Dimensions(16, 16, 16, 8, 8, 2, 4, 32, 16),
          Channels.ALL,
          GateMode.MMOE,
          CrossMode.BOTH,
          new Schedule(0.003, 32, 300, 50, 5, 0.05, Map.of(), 1024, 0.0));

  ModelConfig {
    Objects.requireNonNull(limits, "limits is null");
    Objects.requireNonNull(dimensions, "dimensions is null");
    Objects.requireNonNull(channels, "channels is null");
    Objects.requireNonNull(gate, "gate is null");
    Objects.requireNonNull(cross, "cross is null");
    Objects.requireNonNull(schedule, "schedule is null");
    if (!channels.anyOn()) {
      throw new IllegalArgumentException("every channel is off: at least one must be on");
    }
  }

  /** Everything that shapes the network and its inputs (all but the schedule). */
  boolean sameArchitecture(ModelConfig other) {
    return limits.equals(other.limits)
        && dimensions.equals(other.dimensions)
        && channels.equals(other.channels)
        && gate == other.gate
        && cross == other.cross;
  }

  /** The number of experts the network really has (hard sharing has one shared bottom). */
  int expertCount() {
    return switch (gate) {
      case MMOE, SHARED -> dimensions.experts();
      case HARD -> 1;
    };
  }

  /**
   * Sizes of the inputs: hash buckets and how many tokens, images and attributes are kept; {@code
   * wideBuckets} is the hash space of the wide part's sparse features.
   */
  record Limits(
      int hashBuckets,
      int categoricalBuckets,
      int maxTitleWords,
      int maxTagWords,
      int maxSentences,
      int maxWords,
      int maxImages,
      int maxLayout,
      int maxAtomic,
      int maxCategorical,
      int wideBuckets) {}

  /** Widths of the layers. */
  record Dimensions(
      int embeddingDim,
      int lstmUnits,
      int convFilters,
      int imageFilters,
      int fieldDim,
      int crossLayers,
      int experts,
      int expertDim,
      int towerDim) {}

  /**
   * The training schedule (R12): Adam's learning rate, batch size, step cap, evaluation period,
   * early-stopping patience (evaluations without a better validation AUC; 0 = off), the loss under
   * which a task counts as converged (per task overridable), the shuffle buffer size, and the
   * decoupled weight decay (AdamW): after each step every parameter is multiplied by {@code 1 -
   * learningRate * weightDecay} (0 = none).
   */
  record Schedule(
      double learningRate,
      int batchSize,
      int steps,
      int evalEvery,
      int patience,
      double lossThreshold,
      Map<String, Double> taskLossThresholds,
      int shuffleBuffer,
      double weightDecay) {
    Schedule {
      if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
        throw new IllegalArgumentException("weightDecay must be finite and >= 0, was " + weightDecay);
      }
      if (learningRate * weightDecay >= 1) {
        throw new IllegalArgumentException(
            "learningRate * weightDecay must be below 1 (each step keeps 1 - their product of every"
                + " parameter), was " + learningRate + " * " + weightDecay);
      }
      taskLossThresholds =
          Map.copyOf(Objects.requireNonNull(taskLossThresholds, "taskLossThresholds is null"));
    }

    double lossThreshold(String task) {
      return taskLossThresholds.getOrDefault(task, lossThreshold);
    }
  }
}
