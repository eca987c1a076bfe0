package io.mmq.tensorflow;

import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.resource.model.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Measures the model and the machine it runs on through the same TensorFlow runtime as serving
 * (R23): the inference graph's throughput at a batch size, its floating-point work per item counted
 * from its ops and static shapes, and the machine's matrix-multiply peak.
 */
public final class ModelProfiler {
  /** Ops whose multiply-adds are counted: they hold all but a small share of the network's work. */
  private static final List<String> COUNTED = List.of("MatMul", "BatchMatMul", "BatchMatMulV2", "BatchMatMulV3", "Conv2D");

  private ModelProfiler() {}

  /** Calls of one batch size timed over a span: {@code items} = calls x batch. */
  public record Rate(int batch, long calls, long items, double seconds) {
    public double itemsPerSecond() {
      return items / seconds;
    }

    public double callsPerSecond() {
      return calls / seconds;
    }
  }

  /**
   * Floating-point operations of one item through the inference graph: 2 x multiply-adds of every
   * MatMul, BatchMatMul and Conv2D op (their output's element count x contraction length), per op
   * type; element-wise ops, softmax, reductions and embedding lookups are not counted.
   */
  public record FlopCount(long flopsPerItem, Map<String, Long> byOpType, int countedOps) {
    public FlopCount {
      byOpType = Map.copyOf(byOpType);
    }
  }

  /** Square float matrices of side {@code size} multiplied on {@code threads} threads: GFLOP/s of each run. */
  public record MatMulPeak(int size, int threads, List<Double> gflops) {
    public MatMulPeak {
      gflops = List.copyOf(gflops);
    }

    /** The best run: the peak. */
    public double bestGflops() {
      return gflops.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
  }

  /**
   * Counts the work of one item: rebuilds the model's inference graph with a batch of one, so that
   * every static shape is known, and sums the counted ops (see {@link FlopCount}).
   *
   * @throws IllegalArgumentException when the model is not one of this adapter's
   * @throws IllegalStateException when a counted op has a shape the graph does not know
   */
  public static FlopCount flopsPerItem(QualityModel model) {
    ArtifactContents contents = tensorflowModel(model).contents();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      new QualityNetwork(tf, new FrozenParameters(tf, contents.weights()), contents.shapes(), 1);
      return count(graph);
    }
  }

  static FlopCount count(Graph graph) {
    Map<String, Long> byType = new TreeMap<>();
    int ops = 0;
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (COUNTED.contains(op.type())) {
        byType.merge(op.type(), flops(op), Long::sum);
        ops++;
      }
    }
    return new FlopCount(byType.values().stream().mapToLong(Long::longValue).sum(), byType, ops);
  }

  /** 2 x (output elements) x (contraction length) of one counted op. */
  static long flops(GraphOperation op) {
    Shape out = known(op, op.output(0).shape());
    Shape a = known(op, op.input(0).shape());
    Shape b = known(op, op.input(1).shape());
    long contraction =
        switch (op.type()) {
          case "MatMul" -> op.attributes().getAttrBool("transpose_a") ? a.get(0) : a.get(1);
          case "BatchMatMul", "BatchMatMulV2", "BatchMatMulV3" ->
              a.get(a.numDimensions() - (op.attributes().getAttrBool("adj_x") ? 2 : 1));
          case "Conv2D" -> b.get(0) * b.get(1) * b.get(2); // filter [height, width, in, out]
          default -> throw new IllegalArgumentException("not a counted op: " + op.type());
        };
    return 2 * out.size() * contraction;
  }

  private static Shape known(GraphOperation op, Shape shape) {
    if (shape.isUnknown() || shape.hasUnknownDimension()) {
      throw new IllegalStateException("op " + op.name() + " (" + op.type() + ") has an unknown shape " + shape);
    }
    return shape;
  }

  /**
   * Inference items/s at {@code batch} rows a call (attributes extracted once beforehand, so it
   * times the feature encoder and the graph), on the calling thread: {@code rounds} runs of at
   * least {@code span} each, after 3 warm-up calls. The resources are taken in order, wrapping
   * around.
   *
   * @throws IllegalArgumentException when the model is not one of this adapter's
   */
  public static List<Rate> inference(QualityModel model, List<Resource> resources, int batch, Duration span, int rounds) {
    TfQualityModel tfModel = tensorflowModel(model);
    List<ResourceAttributes> rows = tfModel.extract(resources);
    List<Rate> rates = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      rates.add(inference(tfModel.inference(), rows, batch, span));
    }
    return rates;
  }

  static Rate inference(InferenceModel model, List<ResourceAttributes> rows, int batch, Duration span) {
    if (rows.isEmpty() || batch < 1) {
      throw new IllegalArgumentException("need at least one row and a batch of at least 1");
    }
    List<List<ResourceAttributes>> batches = new ArrayList<>();
    int count = Math.max(1, rows.size() / batch);
    for (int b = 0; b < count; b++) {
      List<ResourceAttributes> chunk = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        chunk.add(rows.get((b * batch + i) % rows.size()));
      }
      batches.add(chunk);
    }
    for (int i = 0; i < 3; i++) {
      model.predict(batches.get(i % count));
    }
    long limit = span.toNanos();
    long calls = 0;
    long start = System.nanoTime();
    long elapsed;
    do {
      model.predict(batches.get((int) (calls % count)));
      calls++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < limit);
    return new Rate(batch, calls, calls * batch, elapsed / 1e9);
  }

  /**
   * The matrix-multiply peak: {@code repeats} products of two random {@code size} x {@code size}
   * float matrices (2 size^3 operations each) after one warm-up, in a session whose intra-op pool
   * has {@code threads} threads (1 is what every model session uses).
   */
  public static MatMulPeak matMulPeak(int size, int threads, int repeats) {
    if (size < 1 || threads < 1 || repeats < 1) {
      throw new IllegalArgumentException("size, threads and repeats must be positive");
    }
    float[] values = new float[size * size];
    java.util.Random random = new java.util.Random(size);
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextFloat() - 0.5f;
    }
    ConfigProto config =
        TfSessions.CONFIG.toBuilder().setIntraOpParallelismThreads(threads).build();
    List<Double> gflops = new ArrayList<>();
    try (Graph graph = new Graph();
        TFloat32 matrix = TFloat32.tensorOf(Shape.of(size, size), DataBuffers.of(values, true, false))) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> a = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(size, size)));
      Placeholder<TFloat32> b = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(size, size)));
      Operand<TFloat32> product = tf.linalg.matMul(a, b);
      try (Session session = new Session(graph, config)) {
        for (int run = 0; run <= repeats; run++) {
          long start = System.nanoTime();
          try (Result result = session.runner().setOptions(TfSessions.RUN)
              .feed(a, matrix).feed(b, matrix).fetch(product).run()) {
            Objects.requireNonNull(result.get(0));
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          if (run > 0) {
            gflops.add(2.0 * size * size * size / seconds / 1e9);
          }
        }
      }
    }
    return new MatMulPeak(size, threads, gflops);
  }

  private static TfQualityModel tensorflowModel(QualityModel model) {
    Objects.requireNonNull(model, "model is null");
    if (!(model instanceof TfQualityModel tfModel)) {
      throw new IllegalArgumentException("not a TensorFlow quality model: " + model.getClass().getName());
    }
    return tfModel;
  }
}
