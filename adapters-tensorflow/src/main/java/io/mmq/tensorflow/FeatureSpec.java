package io.mmq.tensorflow;

import io.mmq.core.attribute.model.ImageAttributes;
import io.mmq.core.attribute.model.ResourceAttributes;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the feature pipeline learned from the training data and stores in the artifact: the atomic
 * attributes the model reads (in order) with their normalisers, the categorical attributes it
 * embeds, and the length of given image embeddings (0 when the training data had none).
 */
record FeatureSpec(
    List<AtomicNormaliser> atomic, List<String> categorical, int imageEmbeddingDim) {
  static final int MAX_IMAGE_EMBEDDING = 4096;

  FeatureSpec {
    atomic = List.copyOf(Objects.requireNonNull(atomic, "atomic is null"));
    categorical = List.copyOf(Objects.requireNonNull(categorical, "categorical is null"));
    if (imageEmbeddingDim < 0 || imageEmbeddingDim > MAX_IMAGE_EMBEDDING) {
      throw new IllegalArgumentException(
          "imageEmbeddingDim must be in [0, " + MAX_IMAGE_EMBEDDING + "], was " + imageEmbeddingDim);
    }
    Set<String> seen = new HashSet<>();
    for (AtomicNormaliser n : atomic) {
      if (!seen.add(n.name())) {
        throw new IllegalArgumentException("atomic attribute '" + n.name() + "' appears twice");
      }
    }
    if (new HashSet<>(categorical).size() != categorical.size()) {
      throw new IllegalArgumentException("categorical attributes hold a duplicate name");
    }
  }

  /** Fits a spec by one streaming pass: {@link #add} each training example, then {@link #fit}. */
  static final class Fitter {
    private final int maxAtomic;
    private final int maxCategorical;
    private final Map<String, AtomicNormaliser.Fit> atomic = new HashMap<>();
    private final Map<String, Long> categorical = new HashMap<>();
    private int embeddingDim;
    private long examples;

    Fitter(ModelConfig.Limits limits) {
      this.maxAtomic = limits.maxAtomic();
      this.maxCategorical = limits.maxCategorical();
    }

    void add(ResourceAttributes attributes) {
      examples++;
      attributes.atomic().forEach((k, v) -> atomic.computeIfAbsent(k, x -> new AtomicNormaliser.Fit()).add(v));
      attributes.categorical().keySet().forEach(k -> categorical.merge(k, 1L, Long::sum));
      for (ImageAttributes image : attributes.images()) {
        embeddingDim = Math.max(embeddingDim, Math.min(MAX_IMAGE_EMBEDDING, image.embedding().length));
      }
    }

    long examples() {
      return examples;
    }

    /** Keeps the most often present attributes (ties by name), ordered by name. */
    FeatureSpec fit() {
      List<AtomicNormaliser> normalisers =
          atomic.entrySet().stream()
              .sorted(
                  Comparator.comparing((Map.Entry<String, AtomicNormaliser.Fit> e) -> -e.getValue().count())
                      .thenComparing(Map.Entry::getKey))
              .limit(maxAtomic)
              .sorted(Map.Entry.comparingByKey())
              .map(e -> e.getValue().normaliser(e.getKey()))
              .toList();
      List<String> categories =
          categorical.entrySet().stream()
              .sorted(
                  Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                      .thenComparing(Map.Entry::getKey))
              .limit(maxCategorical)
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      return new FeatureSpec(normalisers, categories, embeddingDim);
    }
  }
}
