package io.mmq.tensorflow;

import io.mmq.core.attribute.model.ResourceAttributes;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The lean inference graph: the network rebuilt from its configuration with the trained weights as
 * constants (no variables, no optimizer). Thread-safe: concurrent predictions run side by side,
 * each on its caller's thread; {@link #close} waits for them and later calls fail. Every input
 * tensor and every result is closed before a call returns.
 */
final class InferenceModel implements AutoCloseable {
  static final int MAX_BATCH = 256;

  private final InputShapes shapes;
  private final FeatureEncoder encoder;
  private final Graph graph;
  private final Session session;
  private final QualityNetwork network;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  /**
   * @throws IllegalArgumentException when the weights do not fit the configured network
   */
  InferenceModel(FeatureEncoder encoder, Weights weights) {
    this.encoder = encoder;
    this.shapes = encoder.shapes();
    this.graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      FrozenParameters params = new FrozenParameters(tf, weights);
      this.network = new QualityNetwork(tf, params, shapes);
      params.requireAllUsed();
      this.session = new Session(graph, TfSessions.CONFIG);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  InputShapes shapes() {
    return shapes;
  }

  FeatureEncoder encoder() {
    return encoder;
  }

  /** Per-task probabilities [n][T] (and gate weights) for the given attributes, in order. */
  Scores predict(List<ResourceAttributes> rows) {
    float[][] probabilities = new float[rows.size()][];
    float[][][] gates = network.gates() == null ? null : new float[rows.size()][][];
    for (int from = 0; from < rows.size(); from += MAX_BATCH) {
      List<ResourceAttributes> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_BATCH));
      Scores scores = score(encoder.encode(chunk));
      for (int i = 0; i < chunk.size(); i++) {
        probabilities[from + i] = scores.probabilities()[i];
        if (gates != null) {
          gates[from + i] = scores.gates()[i];
        }
      }
    }
    return new Scores(probabilities, gates);
  }

  /** Scores one encoded batch (at most {@link #MAX_BATCH} rows are sensible; more also work). */
  Scores score(FeatureBatch batch) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the model is closed");
      }
      int rows = batch.rows();
      int tasks = shapes.tasks();
      Session.Runner runner = session.runner().setOptions(TfSessions.RUN);
      try (FeatureBatch.BatchTensors tensors = batch.toTensors()) {
        network.feed(runner, tensors, rows);
        runner.fetch(network.probabilities());
        if (network.gates() != null) {
          runner.fetch(network.gates());
        }
        try (Result result = runner.run()) {
          float[][] probabilities = TfSessions.matrix((TFloat32) result.get(0), rows, tasks);
          float[][][] gates = null;
          if (network.gates() != null) {
            float[] flat = TfSessions.values((TFloat32) result.get(1));
            int experts = flat.length / (rows * tasks);
            gates = new float[rows][tasks][experts];
            for (int r = 0; r < rows; r++) {
              for (int t = 0; t < tasks; t++) {
                System.arraycopy(flat, (r * tasks + t) * experts, gates[r][t], 0, experts);
              }
            }
          }
          return new Scores(probabilities, gates);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        session.close();
        graph.close();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Probabilities [rows][tasks] and gate weights [rows][tasks][experts] (null: hard sharing). */
  record Scores(float[][] probabilities, float[][][] gates) {}
}
