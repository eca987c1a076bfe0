package io.mmq.core.training.model;

import java.util.function.Consumer;

/**
 * A re-readable stream of training examples: each call to {@link #forEach} reads the examples
 * again from the start, in the same order, so a trainer can make several epochs without holding
 * the corpus in memory.
 */
@FunctionalInterface
public interface ExampleSource {
  void forEach(Consumer<TrainingExample> consumer);

  /** The number of examples, read by one pass unless an implementation knows it. */
  default long count() {
    long[] n = {0};
    forEach(example -> n[0]++);
    return n[0];
  }
}
