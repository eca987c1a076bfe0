package io.mmq.tensorflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A bounded shuffle buffer over a stream: once full, each offered element replaces a randomly
 * chosen held one, which is emitted. At most {@code capacity} elements are held, so training
 * streams its examples instead of holding the corpus; a corpus smaller than the buffer is fully
 * shuffled every pass. Seeded, so the order is repeatable.
 */
final class ShuffleBuffer<T> {
  private final int capacity;
  private final Random random;
  private final List<T> held;

  ShuffleBuffer(int capacity, Random random) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
    this.random = random;
    this.held = new ArrayList<>(Math.min(capacity, 4096));
  }

  /** Takes {@code element}; returns the element to emit now, or null while filling. */
  T offer(T element) {
    if (held.size() < capacity) {
      held.add(element);
      return null;
    }
    int i = random.nextInt(capacity);
    T out = held.get(i);
    held.set(i, element);
    return out;
  }

  /** Emits every held element in random order and empties the buffer. */
  void drain(Consumer<T> consumer) {
    while (!held.isEmpty()) {
      int i = random.nextInt(held.size());
      T out = held.get(i);
      held.set(i, held.get(held.size() - 1));
      held.remove(held.size() - 1);
      consumer.accept(out);
    }
  }

  int size() {
    return held.size();
  }
}
