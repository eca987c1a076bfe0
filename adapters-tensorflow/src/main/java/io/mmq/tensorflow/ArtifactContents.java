package io.mmq.tensorflow;

import io.mmq.core.task.model.TaskSet;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a model artifact holds (R13): the model configuration, the fitted feature spec (hashed
 * vocabulary settings, atomic normalisers, categorical fields), the tasks in output order, the
 * trained weights, the metrics measured after training and provenance entries (seed, steps, stop
 * reason, time, fine-tuned-from checksum).
 */
record ArtifactContents(
    ModelConfig config,
    FeatureSpec spec,
    TaskSet tasks,
    Weights weights,
    Map<String, Double> metrics,
    Map<String, String> provenance) {
  ArtifactContents {
    Objects.requireNonNull(config, "config is null");
    Objects.requireNonNull(spec, "spec is null");
    Objects.requireNonNull(tasks, "tasks is null");
    Objects.requireNonNull(weights, "weights is null");
    metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics is null"));
    provenance = Map.copyOf(Objects.requireNonNull(provenance, "provenance is null"));
  }

  InputShapes shapes() {
    return new InputShapes(config, spec, tasks.size());
  }
}
