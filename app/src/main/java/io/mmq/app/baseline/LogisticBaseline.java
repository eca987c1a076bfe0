package io.mmq.app.baseline;

import io.mmq.app.baseline.HashedFeatures.SparseVector;
import io.mmq.core.attribute.policy.AttributeExtractor;
import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.label.model.Label;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.training.model.ExampleSource;
import io.mmq.core.training.model.TrainingExample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The baseline the multi-task model is measured against: one independent logistic regression per
 * task over the same attributes ({@link AttributeExtractor}, hashed by {@link HashedFeatures}).
 * It is a {@link QualityModel}, so the core's evaluation measures it exactly as it measures the
 * deep model. Thread-safe once built (immutable).
 */
public final class LogisticBaseline implements QualityModel {
  private final TaskSet tasks;
  private final HashedFeatures features;
  private final Map<TaskName, double[]> weights;
  private final AttributeExtractor extractor;

  private LogisticBaseline(
      TaskSet tasks, HashedFeatures features, Map<TaskName, double[]> weights, AttributeExtractor extractor) {
    this.tasks = tasks;
    this.features = features;
    this.weights = Map.copyOf(weights);
    this.extractor = extractor;
  }

  /** The trained baseline and, per task, what model selection chose. */
  public record Trained(LogisticBaseline model, long examples, long heldOut, Map<TaskName, LogisticRegression.Fit> fits) {}

  /**
   * Trains one regression per task on {@code training}, selecting L2 and epochs on {@code heldOut}
   * (see {@link LogisticRegression}); a task needs at least one labelled training example.
   */
  public static Trained train(
      TaskSet tasks, ExampleSource training, ExampleSource heldOut, int bits,
      LogisticRegression.Settings settings, long seed) {
    Objects.requireNonNull(tasks, "tasks is null");
    AttributeExtractor extractor = AttributeExtractor.standard();
    List<TrainingExample> trainExamples = new ArrayList<>();
    List<io.mmq.core.attribute.model.ResourceAttributes> trainAttributes = new ArrayList<>();
    training.forEach(example -> {
      trainExamples.add(example);
      trainAttributes.add(extractor.extract(example.resource()));
    });
    HashedFeatures features = HashedFeatures.fit(trainAttributes, bits);
    List<SparseVector> trainVectors = trainAttributes.stream().map(features::encode).toList();
    List<TrainingExample> heldOutExamples = new ArrayList<>();
    List<SparseVector> heldOutVectors = new ArrayList<>();
    heldOut.forEach(example -> {
      heldOutExamples.add(example);
      heldOutVectors.add(features.encode(extractor.extract(example.resource())));
    });
    Map<TaskName, double[]> weights = new LinkedHashMap<>();
    Map<TaskName, LogisticRegression.Fit> fits = new LinkedHashMap<>();
    for (TaskName task : tasks.names()) {
      Labelled train = Labelled.of(task, trainExamples, trainVectors);
      if (train.vectors().isEmpty()) {
        throw new IllegalArgumentException("task '" + task + "' has no labelled training example");
      }
      Labelled check = Labelled.of(task, heldOutExamples, heldOutVectors);
      LogisticRegression.Fit fit = LogisticRegression.fit(
          train.vectors(), train.labels(), check.vectors(), check.labels(), features.dimension(), settings, seed);
      weights.put(task, fit.weights());
      fits.put(task, fit);
    }
    return new Trained(
        new LogisticBaseline(tasks, features, weights, extractor), trainExamples.size(), heldOutExamples.size(), fits);
  }

  private record Labelled(List<SparseVector> vectors, boolean[] labels) {
    static Labelled of(TaskName task, List<TrainingExample> examples, List<SparseVector> vectors) {
      List<SparseVector> kept = new ArrayList<>();
      List<Boolean> labels = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        Label label = examples.get(i).labels().get(task);
        if (label != null) {
          kept.add(vectors.get(i));
          labels.add(label.isPositive());
        }
      }
      boolean[] y = new boolean[labels.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = labels.get(i);
      }
      return new Labelled(kept, y);
    }
  }

  @Override
  public TaskSet tasks() {
    return tasks;
  }

  @Override
  public List<Prediction> predict(List<Resource> resources) {
    List<Prediction> predictions = new ArrayList<>(resources.size());
    for (Resource resource : resources) {
      SparseVector v = features.encode(extractor.extract(resource));
      Map<TaskName, TaskPrediction> byTask = new LinkedHashMap<>();
      weights.forEach((task, w) -> byTask.put(task, TaskPrediction.of(LogisticRegression.probability(v, w))));
      predictions.add(new Prediction(resource.id(), byTask));
    }
    return predictions;
  }

  @Override
  public void close() {}
}
