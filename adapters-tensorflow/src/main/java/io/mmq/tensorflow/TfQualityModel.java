package io.mmq.tensorflow;

import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.attribute.model.TextFields;
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
