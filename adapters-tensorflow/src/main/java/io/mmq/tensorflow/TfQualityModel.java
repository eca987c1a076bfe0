package io.mmq.tensorflow;

import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.attribute.model.TextFields;
import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A loaded quality model: extracts each resource's attributes, encodes them and runs the lean
 * inference graph in batches of up to {@value InferenceModel#MAX_BATCH}. Warmed up when loaded.
 * Thread-safe.
 */
final class TfQualityModel implements QualityModel {
  private static final ResourceAttributes EMPTY =
      new ResourceAttributes(
          new TextFields(List.of(), List.of(), List.of()), List.of(), List.of(), Map.of(), Map.of());

  private final ArtifactContents contents;
  private final InferenceModel model;
  private final Function<Resource, ResourceAttributes> extractor;

  TfQualityModel(ArtifactContents contents, Function<Resource, ResourceAttributes> extractor) {
    this.contents = Objects.requireNonNull(contents, "contents is null");
    this.extractor = Objects.requireNonNull(extractor, "extractor is null");
    this.model =
        new InferenceModel(new FeatureEncoder(contents.shapes(), contents.tasks().names()), contents.weights());
    warmUp();
  }

  /** The first run of a graph optimises it (hundreds of ms): done here, not on a first request. */
  private void warmUp() {
    try {
      model.predict(List.of(EMPTY));
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  @Override
  public TaskSet tasks() {
    return contents.tasks();
  }

  /**
   * @throws IllegalArgumentException naming the resource whose attributes cannot be extracted
   */
  @Override
  public List<Prediction> predict(List<Resource> resources) {
    Objects.requireNonNull(resources, "resources is null");
    float[][] probabilities = model.predict(extract(resources)).probabilities();
    List<TaskName> names = contents.tasks().names();
    List<Prediction> predictions = new ArrayList<>(resources.size());
    for (int i = 0; i < resources.size(); i++) {
      Map<TaskName, TaskPrediction> tasks = new LinkedHashMap<>();
      for (int t = 0; t < names.size(); t++) {
        tasks.put(names.get(t), TaskPrediction.of(probabilities[i][t]));
      }
      predictions.add(new Prediction(resources.get(i).id(), tasks));
    }
    return predictions;
  }

  /**
   * The mean gate weight per task and expert over the resources, a batch of {@value
   * InferenceModel#MAX_BATCH} at a time. With a gate per task (MMoE) each task has its own row;
   * with one gate shared by every task (SHARED) every task's row is that gate's; hard sharing has no
   * gate, so no utilisation (empty), and neither has an empty list of resources.
   *
   * @throws IllegalArgumentException naming the resource whose attributes cannot be extracted
   */
  @Override
  public Optional<ExpertUtilisation> expertUtilisation(List<Resource> resources) {
    Objects.requireNonNull(resources, "resources is null");
    List<TaskName> names = contents.tasks().names();
    double[][] sums = null;
    for (int from = 0; from < resources.size(); from += InferenceModel.MAX_BATCH) {
      List<Resource> chunk =
          resources.subList(from, Math.min(resources.size(), from + InferenceModel.MAX_BATCH));
      float[][][] gates = model.predict(extract(chunk)).gates();
      if (gates == null) {
        return Optional.empty();
      }
      for (float[][] row : gates) {
        if (sums == null) {
          sums = new double[names.size()][row[0].length];
        }
        for (int t = 0; t < names.size(); t++) {
          for (int e = 0; e < row[t].length; e++) {
            sums[t][e] += row[t][e];
          }
        }
      }
    }
    if (sums == null) {
      return Optional.empty();
    }
    Map<TaskName, List<Double>> weights = new LinkedHashMap<>();
    for (int t = 0; t < names.size(); t++) {
      List<Double> means = new ArrayList<>(sums[t].length);
      for (double sum : sums[t]) {
        means.add(sum / resources.size());
      }
      weights.put(names.get(t), means);
    }
    return Optional.of(new ExpertUtilisation(sums[0].length, weights));
  }

  /**
   * Each resource's attributes, in order.
   *
   * @throws IllegalArgumentException naming the resource whose attributes cannot be extracted
   */
  List<ResourceAttributes> extract(List<Resource> resources) {
    List<ResourceAttributes> attributes = new ArrayList<>(resources.size());
    for (Resource resource : resources) {
      try {
        attributes.add(extractor.apply(resource));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("resource " + resource.id() + ": " + e.getMessage(), e);
      }
    }
    return attributes;
  }

  /** The inference graph itself, for attribute-level callers (benchmarks, tests). */
  InferenceModel inference() {
    return model;
  }

  ArtifactContents contents() {
    return contents;
  }

  @Override
  public void close() {
    model.close();
  }
}
