package io.mmq.core.classification.service;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.resource.policy.ResourceFingerprint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The predictions of the served model for resources it already saw, by content hash ({@link
 * ResourceFingerprint}): a bounded LRU map of at most {@code capacity} entries (0: nothing is
 * kept). It holds one model version's predictions only: {@link #reset} empties it for the newly
 * served version, and lookups or stores for another version miss or are ignored, so a call still
 * finishing on the previous model neither reads nor writes the new model's entries. Thread-safe.
 */
public final class PredictionCache {
  private final int capacity;
  private final Map<ResourceFingerprint, Prediction> entries;
  private Optional<ModelVersion> version = Optional.empty();

  public PredictionCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
    }
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<ResourceFingerprint, Prediction> eldest) {
            return size() > PredictionCache.this.capacity;
          }
        };
  }

  public boolean isEnabled() {
    return capacity > 0;
  }

  /** Empties the cache for the version served from now on (empty: none). */
  public synchronized void reset(Optional<ModelVersion> served) {
    version = Objects.requireNonNull(served, "served is null");
    entries.clear();
  }

  /** The cached prediction of {@code model} for this content, if any. */
  public synchronized Optional<Prediction> get(ModelVersion model, ResourceFingerprint content) {
    if (!isCurrent(model)) {
      return Optional.empty();
    }
    return Optional.ofNullable(entries.get(content));
  }

  /** Keeps {@code prediction} when {@code model} is the version the cache holds. */
  public synchronized void put(ModelVersion model, ResourceFingerprint content, Prediction prediction) {
    Objects.requireNonNull(content, "content is null");
    Objects.requireNonNull(prediction, "prediction is null");
    if (capacity > 0 && isCurrent(model)) {
      entries.put(content, prediction);
    }
  }

  public synchronized int size() {
    return entries.size();
  }

  private boolean isCurrent(ModelVersion model) {
    Objects.requireNonNull(model, "model is null");
    return version.isPresent() && version.get().equals(model);
  }
}
