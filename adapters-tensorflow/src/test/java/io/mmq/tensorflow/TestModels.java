package io.mmq.tensorflow;

import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingListener;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small, fast settings and helpers shared by the model tests. */
final class TestModels {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  private TestModels() {}

  /** Dimensions small enough that a training of a few hundred steps takes seconds on 2 cores. */
  static Map<String, String> small() {
    Map<String, String> h = new HashMap<>();
    h.put("embeddingDim", "16");
    h.put("hashBuckets", "1024");
    h.put("categoricalBuckets", "64");
    h.put("maxTitleWords", "8");
    h.put("maxTagWords", "4");
    h.put("maxSentences", Integer.toString(SyntheticCorpus.SENTENCES));
    h.put("maxWords", "10");
    h.put("maxImages", "2");
    h.put("maxLayout", "10");
    h.put("lstmUnits", "16");
    h.put("convFilters", "16");
    h.put("imageFilters", "8");
    h.put("fieldDim", "8");
    h.put("experts", "3");
    h.put("expertDim", "16");
    h.put("towerDim", "8");
    h.put("batchSize", "32");
    h.put("steps", "300");
    h.put("evalEvery", "25");
    h.put("patience", "8");
    h.put("learningRate", "0.005");
    h.put("lossThreshold", "0.02");
    return h;
  }

  /**
   * {@link #small} trained for only {@code steps} steps, evaluated every 10, no early stopping, for
   * the tests of mechanics (not of learning). Layouts of 4 slots instead of 10: the style
   * sub-network's LSTM is unrolled by hand, one set of ops per slot, so the graphs are ~15% smaller
   * (quicker to build and to optimise on their first run) and inference calls are cheaper.
   */
  static Map<String, String> brief(int steps) {
    return with(
        small(), "steps", Integer.toString(steps), "evalEvery", "10", "patience", "0", "maxLayout", "4");
  }

  static Map<String, String> with(Map<String, String> base, String... keyValues) {
    Map<String, String> h = new HashMap<>(base);
    for (int i = 0; i < keyValues.length; i += 2) {
      h.put(keyValues[i], keyValues[i + 1]);
    }
    return h;
  }

  static TfModelTrainer trainer() {
    return new TfModelTrainer(CLOCK, resource -> {
      throw new UnsupportedOperationException("attribute-level tests feed attributes");
    });
  }

  static TrainedModel train(
      List<LabelledAttributes> training,
      List<LabelledAttributes> validation,
      long seed,
      Map<String, String> hyperparameters,
      TrainingListener listener) {
    return trainer()
        .train(
            SyntheticCorpus.TASKS,
            SyntheticCorpus.source(training),
            SyntheticCorpus.source(validation),
            seed,
            hyperparameters,
            Optional.empty(),
            listener);
  }

  static TfQualityModel load(TrainedModel model) {
    return load(model.artifact());
  }

  static TfQualityModel load(ModelArtifact artifact) {
    return new TfQualityModelLoader(resource -> {
      throw new UnsupportedOperationException("attribute-level tests feed attributes");
    }).loadContents(artifact);
  }
}
