package io.mmq.tensorflow;

import java.util.Map;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The network with trainable variables plus the R12 objective: per task the sigmoid cross-entropy
 * (softplus(z) - y z, stable) averaged over the labelled examples of the batch (unlabelled tasks
 * masked out), the total the task-weighted sum, minimised by Adam; with a weight decay, each Adam
 * step is followed by decoupled weight decay (AdamW's form): every parameter is multiplied by
 * {@code 1 - learningRate * weightDecay}.
 */
final class TrainingGraph {
  private final QualityNetwork network;
  private final TrainableParameters params;
  private final Placeholder<TFloat32> labels;
  private final Placeholder<TFloat32> labelMask;
  private final Operand<TFloat32> taskLoss;
  private final Operand<TFloat32> taskCount;
  private final Operand<TFloat32> loss;
  private final Op train;

  TrainingGraph(Graph graph, InputShapes shapes, float[] taskWeights, long seed, Optional<Weights> start) {
    Ops tf = Ops.create(graph);
    this.params = new TrainableParameters(tf, seed, start);
    this.network = new QualityNetwork(tf, params, shapes);
    Shape shape = Shape.of(-1, shapes.tasks());
    this.labels = tf.withName("train.labels").placeholder(TFloat32.class, Placeholder.shape(shape));
    this.labelMask = tf.withName("train.label_mask").placeholder(TFloat32.class, Placeholder.shape(shape));
    Operand<TFloat32> z = network.logits();
    Operand<TFloat32> crossEntropy = tf.math.sub(tf.math.softplus(z), tf.math.mul(z, labels));
    this.taskCount = tf.reduceSum(labelMask, tf.constant(0));
    Operand<TFloat32> summed = tf.reduceSum(tf.math.mul(crossEntropy, labelMask), tf.constant(0));
    this.taskLoss =
        tf.withName("train.task_loss").math.div(summed, tf.math.maximum(taskCount, tf.constant(1f)));
    this.loss =
        tf.withName("train.loss")
            .reduceSum(tf.math.mul(taskLoss, tf.constant(taskWeights)), tf.constant(0));
    ModelConfig.Schedule schedule = shapes.config().schedule();
    Op adam = new Adam(graph, (float) schedule.learningRate()).minimize(loss, "train.adam");
    this.train = schedule.weightDecay() > 0 ? decayAfter(tf, adam, schedule.learningRate() * schedule.weightDecay()) : adam;
  }

  /** After the Adam step, every parameter is multiplied by {@code 1 - rate}; one op runs both. */
  private Op decayAfter(Ops tf, Op adam, double rate) {
    Ops after = tf.withControlDependencies(java.util.List.of(adam));
    Operand<TFloat32> keep = after.constant((float) (1 - rate));
    java.util.List<Op> decays = new java.util.ArrayList<>();
    for (Variable<TFloat32> v : params.variables().values()) {
      decays.add(after.assign(v, after.math.mul(v, keep)));
    }
    return tf.withControlDependencies(decays).withName("train.step").noOp();
  }

  QualityNetwork network() {
    return network;
  }

  Map<String, Variable<TFloat32>> variables() {
    return params.variables();
  }

  Operand<TFloat32> taskLoss() {
    return taskLoss;
  }

  Operand<TFloat32> taskCount() {
    return taskCount;
  }

  Operand<TFloat32> loss() {
    return loss;
  }

  Op trainOp() {
    return train;
  }

  /** Feeds the inputs and labels of a labelled batch (shapes checked). */
  void feed(Session.Runner runner, FeatureBatch.BatchTensors batch, int rows) {
    network.feed(runner, batch, rows);
    runner.feed(labels, batch.asMap().get(ModelInput.LABELS));
    runner.feed(labelMask, batch.asMap().get(ModelInput.LABEL_MASK));
  }
}
