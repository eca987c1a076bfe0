package io.mmq.core.testing.fake;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link QualityModel} loaded from a {@link FakeModelTrainer} artifact: predicts from title
 * tokens as {@link FakeModelData} says; labels at 0.5. Fails with {@link IllegalStateException}
 * after {@link #close()}. Counts calls and predicted resources. Thread-safe.
 */
public final class FakeQualityModel implements QualityModel {
  private final FakeModelData data;
  private final String checksum;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong predicted = new AtomicLong();

  FakeQualityModel(FakeModelData data, String checksum) {
    this.data = data;
    this.checksum = checksum;
  }

  @Override
  public TaskSet tasks() {
    return data.tasks;
  }

  @Override
  public List<Prediction> predict(List<Resource> resources) {
    Objects.requireNonNull(resources, "resources is null");
    if (closed.get()) {
      throw new IllegalStateException("model " + checksum + " is closed");
    }
    calls.incrementAndGet();
    List<Prediction> predictions = new ArrayList<>(resources.size());
    for (Resource resource : resources) {
      Map<TaskName, TaskPrediction> tasks = new LinkedHashMap<>();
      for (TaskName task : data.tasks.names()) {
        tasks.put(task, TaskPrediction.of(data.probability(task, resource)));
      }
      predictions.add(new Prediction(resource.id(), tasks));
    }
    predicted.addAndGet(resources.size());
    return predictions;
  }

  /** The probability this model gives {@code task} for {@code resource}. */
  public double probability(TaskName task, Resource resource) {
    return data.probability(task, resource);
  }

  @Override
  public void close() {
    closed.set(true);
  }

  public boolean isClosed() {
    return closed.get();
  }

  /** The checksum of the artifact it was loaded from. */
  public String checksum() {
    return checksum;
  }

  public boolean isInverted() {
    return data.invert;
  }

  public long predictCalls() {
    return calls.get();
  }

  public long predictedResources() {
    return predicted.get();
  }
}
