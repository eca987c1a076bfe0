package io.mmq.tensorflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The multi-task quality network in one graph: a placeholder per active input, the feature
 * sub-networks that are on (text, image-text fusion, style, atomic), their vectors
 * layer-normalised and concatenated, and the task sub-networks, plus with {@code channel.wide} the
 * wide part's linear logits ({@link WidePart}). The same code builds the training graph (variables) and the lean
 * inference graph (constants), so parameter names and shapes always agree.
 */
final class QualityNetwork {
  static final String PROBABILITIES = "output.probabilities";

  private final InputShapes shapes;
  private final Map<ModelInput, Operand<?>> inputs = new EnumMap<>(ModelInput.class);
  private final List<ChannelOutput> channels = new ArrayList<>();
  private final Operand<TFloat32> logits;
  private final Operand<TFloat32> probabilities;
  private final Operand<TFloat32> gates;

  QualityNetwork(Ops tf, Parameters params, InputShapes shapes) {
    this(tf, params, shapes, -1);
  }

  /**
   * The network with placeholders of a fixed batch size ({@code -1}: any), so that with a fixed one
   * every static shape in the graph is known (see {@link ModelProfiler#flopsPerItem}).
   */
  QualityNetwork(Ops tf, Parameters params, InputShapes shapes, int batch) {
    this.shapes = shapes;
    ModelConfig config = shapes.config();
    ModelConfig.Limits limits = config.limits();
    ModelConfig.Dimensions dims = config.dimensions();
    Channels on = config.channels();
    Layers layers = new Layers(tf, params);
    for (ModelInput input : shapes.active()) {
      inputs.put(input, placeholder(tf, input, Shape.of(expectedShape(input, batch))));
    }
    int d = dims.embeddingDim();
    boolean text = on.title() || on.tags() || on.body() || on.fusion();
    Operand<TFloat32> words = text ? params.uniform("text.word_embedding", 0.05, limits.hashBuckets(), d) : null;
    TextChannels textChannels = new TextChannels(layers, words, d);
    if (on.title()) {
      channels.add(textChannels.title(ints(ModelInput.TITLE), limits.maxTitleWords()));
    }
    if (on.tags()) {
      channels.add(textChannels.tags(ints(ModelInput.TAGS)));
    }
    if (on.body()) {
      channels.add(textChannels.body(ints(ModelInput.BODY), limits.maxSentences(), limits.maxWords()));
    }
    if (on.fusion()) {
      ImageEncoder.Encoded images = null;
      if (on.images()) {
        images =
            new ImageEncoder(layers, limits.maxImages(), dims.imageFilters(), d)
                .encode(
                    floats(ModelInput.PIXELS),
                    floats(ModelInput.PIXEL_MASK),
                    floats(ModelInput.IMAGE_EMBEDDING),
                    floats(ModelInput.EMBEDDING_MASK),
                    shapes.spec().imageEmbeddingDim());
      }
      channels.add(
          new FusionChannel(layers, words, limits.maxSentences(), limits.maxWords(), d)
              .build(ints(ModelInput.BODY), images));
    }
    if (on.style()) {
      channels.add(
          new StyleChannel(layers, limits.maxLayout(), d, dims.lstmUnits(), dims.convFilters())
              .build(ints(ModelInput.LAYOUT)));
    }
    Operand<TFloat32> atomic = on.atomic() ? floats(ModelInput.ATOMIC) : null;
    if (atomic != null || inputs.containsKey(ModelInput.CATEGORICAL)) {
      channels.add(
          new AtomicChannel(layers, config.cross(), dims.fieldDim(), dims.crossLayers(), limits.categoricalBuckets())
              .build(
                  atomic,
                  shapes.spec().atomic().size(),
                  ints(ModelInput.CATEGORICAL),
                  shapes.spec().categorical().size()));
    }
    int width = channels.stream().mapToInt(ChannelOutput::width).sum();
    // each attribute feature vector is layer-normalised, so that no channel dominates by scale
    Operand<TFloat32> z =
        layers.concat(
            channels.stream()
                .map(c -> layers.layerNorm("channel_norm." + c.name(), c.vector(), c.width()))
                .toList(),
            1);
    MultiTaskHead.Outputs head =
        new MultiTaskHead(layers, config.gate(), dims.experts(), dims.expertDim(), dims.towerDim())
            .build(z, width, shapes.tasks());
    this.logits =
        on.wide()
            ? tf.math.add(
                head.logits(),
                new WidePart(layers)
                    .logits(
                        ints(ModelInput.WIDE),
                        limits.wideBuckets(),
                        floats(ModelInput.ATOMIC),
                        shapes.spec().atomic().size(),
                        shapes.tasks()))
            : head.logits();
    this.gates = head.gates();
    this.probabilities = tf.withName(PROBABILITIES).math.sigmoid(logits);
  }

  private static Operand<?> placeholder(Ops tf, ModelInput input, Shape shape) {
    return input.integer()
        ? tf.withName(input.placeholderName()).placeholder(TInt32.class, Placeholder.shape(shape))
        : tf.withName(input.placeholderName()).placeholder(TFloat32.class, Placeholder.shape(shape));
  }

  @SuppressWarnings("unchecked")
  private Operand<TInt32> ints(ModelInput input) {
    return (Operand<TInt32>) inputs.get(input);
  }

  @SuppressWarnings("unchecked")
  private Operand<TFloat32> floats(ModelInput input) {
    return (Operand<TFloat32>) inputs.get(input);
  }

  InputShapes shapes() {
    return shapes;
  }

  Operand<TFloat32> logits() {
    return logits;
  }

  /** Sigmoid of the logits: [B, T]. */
  Operand<TFloat32> probabilities() {
    return probabilities;
  }

  /** Gate weights [B, T, E], or null with hard sharing. */
  Operand<TFloat32> gates() {
    return gates;
  }

  /**
   * Feeds a batch's tensors after checking that each has rank and dimensions [rows, example
   * shape...] as this network expects (TensorFlow does not always check the batch dimension).
   */
  void feed(org.tensorflow.Session.Runner runner, FeatureBatch.BatchTensors batch, int rows) {
    for (Map.Entry<ModelInput, Tensor> e : batch.asMap().entrySet()) {
      ModelInput input = e.getKey();
      Operand<?> placeholder = input.trainingOnly() ? null : inputs.get(input);
      long[] expected = expectedShape(input, rows);
      long[] actual = e.getValue().shape().asArray();
      if (!Arrays.equals(expected, actual)) {
        throw new IllegalArgumentException(
            "input " + input + " has shape " + Arrays.toString(actual) + ", the model needs "
                + Arrays.toString(expected));
      }
      if (placeholder != null) {
        runner.feed(placeholder, e.getValue());
      }
    }
    for (ModelInput input : inputs.keySet()) {
      if (!batch.asMap().containsKey(input)) {
        throw new IllegalArgumentException("input " + input + " is missing from the batch");
      }
    }
  }

  private long[] expectedShape(ModelInput input, int rows) {
    long[] example = shapes.of(input);
    long[] dims = new long[example.length + 1];
    dims[0] = rows;
    System.arraycopy(example, 0, dims, 1, example.length);
    return dims;
  }
}
