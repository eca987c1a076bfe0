package io.mmq.tensorflow;

import io.mmq.core.attribute.model.ImageAttributes;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The per-example shape of every input and which inputs the configured network reads, derived from
 * the configuration, the fitted feature spec and the number of tasks.
 */
record InputShapes(ModelConfig config, FeatureSpec spec, int tasks) {
  static final int PIXEL_SIDE = ImageAttributes.THUMBNAIL_SIZE;
  static final int PIXEL_VALUES = PIXEL_SIDE * PIXEL_SIDE * 3;

  InputShapes {
    Objects.requireNonNull(config, "config is null");
    Objects.requireNonNull(spec, "spec is null");
    if (tasks < 1) {
      throw new IllegalArgumentException("tasks must be at least 1, was " + tasks);
    }
    if (active(config, spec).isEmpty()) {
      throw new IllegalArgumentException(
          "no channel that is on has inputs: the atomic and categorical channels need attributes"
              + " in the training data");
    }
  }

  /** The inputs the network reads (labels excluded). */
  Set<ModelInput> active() {
    return active(config, spec);
  }

  private static Set<ModelInput> active(ModelConfig config, FeatureSpec spec) {
    Channels c = config.channels();
    Set<ModelInput> in = EnumSet.noneOf(ModelInput.class);
    if (c.title()) {
      in.add(ModelInput.TITLE);
    }
    if (c.tags()) {
      in.add(ModelInput.TAGS);
    }
    if (c.body() || c.fusion()) {
      in.add(ModelInput.BODY);
    }
    if (c.images()) {
      in.add(ModelInput.PIXELS);
      in.add(ModelInput.PIXEL_MASK);
      if (spec.imageEmbeddingDim() > 0) {
        in.add(ModelInput.IMAGE_EMBEDDING);
        in.add(ModelInput.EMBEDDING_MASK);
      }
    }
    if (c.style()) {
      in.add(ModelInput.LAYOUT);
    }
    if ((c.atomic() || c.wide()) && !spec.atomic().isEmpty()) {
      in.add(ModelInput.ATOMIC);
    }
    if (c.categorical() && !spec.categorical().isEmpty()) {
      in.add(ModelInput.CATEGORICAL);
    }
    if (c.wide()) {
      in.add(ModelInput.WIDE);
    }
    return in;
  }

  /**
   * The wide part's sparse feature slots per example: the title's tokens and adjacent pairs, the
   * tags, the body's words and the categorical attributes.
   */
  int wideSlots() {
    ModelConfig.Limits l = config.limits();
    return 2 * l.maxTitleWords() - 1 + l.maxTagWords() + l.maxSentences() * l.maxWords() + spec.categorical().size();
  }

  /** The shape of one example of {@code input} (without the batch dimension). */
  long[] of(ModelInput input) {
    ModelConfig.Limits l = config.limits();
    return switch (input) {
      case TITLE -> new long[] {l.maxTitleWords()};
      case TAGS -> new long[] {l.maxTagWords()};
      case BODY -> new long[] {l.maxSentences(), l.maxWords()};
      case LAYOUT -> new long[] {l.maxLayout()};
      case PIXELS -> new long[] {l.maxImages(), PIXEL_SIDE, PIXEL_SIDE, 3};
      case PIXEL_MASK, EMBEDDING_MASK -> new long[] {l.maxImages()};
      case IMAGE_EMBEDDING -> new long[] {l.maxImages(), spec.imageEmbeddingDim()};
      case ATOMIC -> new long[] {spec.atomic().size()};
      case CATEGORICAL -> new long[] {spec.categorical().size()};
      case WIDE -> new long[] {wideSlots()};
      case LABELS, LABEL_MASK -> new long[] {tasks};
    };
  }

  /** The number of values of one example of {@code input}. */
  int size(ModelInput input) {
    long n = 1;
    for (long d : of(input)) {
      n *= d;
    }
    return Math.toIntExact(n);
  }
}
