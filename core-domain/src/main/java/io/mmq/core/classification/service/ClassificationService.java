package io.mmq.core.classification.service;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.classification.policy.QualityAggregationPolicy;
import io.mmq.core.classification.port.in.Classification;
import io.mmq.core.classification.port.in.ClassifyResourcesCommand;
import io.mmq.core.classification.port.in.ClassifyResourcesResult;
import io.mmq.core.classification.port.in.ClassifyResourcesUseCase;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.task.model.TaskName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Classifies resources with the model held by {@link ActiveModelHolder}: one batch prediction for
 * the whole command, then the aggregation policy per resource. A missing model is reported before
 * unknown ids.
 */
public final class ClassificationService implements ClassifyResourcesUseCase {
  private final ResourceResolver resolver;
  private final ActiveModelHolder models;
  private final QualityAggregationPolicy aggregation;

  public ClassificationService(
      Resources resources, ActiveModelHolder models, QualityAggregationPolicy aggregation) {
    this.resolver = new ResourceResolver(Objects.requireNonNull(resources, "resources is null"));
    this.models = Objects.requireNonNull(models, "models is null");
    this.aggregation = Objects.requireNonNull(aggregation, "aggregation is null");
  }

  @Override
  public ClassifyResourcesResult classify(ClassifyResourcesCommand command) {
    Objects.requireNonNull(command, "command is null");
    return models.withActiveModel(
        (record, model) -> classify(record, model, resolver.resolve(command.resources())));
  }

  private ClassifyResourcesResult classify(
      ModelRecord record, QualityModel model, List<Resource> resources) {
    List<Prediction> predictions = model.predict(resources);
    if (predictions.size() != resources.size()) {
      throw new IllegalStateException(
          "model " + record.version() + " returned " + predictions.size() + " predictions for "
              + resources.size() + " resources");
    }
    List<TaskName> order = model.tasks().names();
    List<Classification> results = new ArrayList<>(resources.size());
    for (int i = 0; i < resources.size(); i++) {
      Prediction prediction = predictions.get(i);
      Map<TaskName, TaskPrediction> tasks = new LinkedHashMap<>();
      for (TaskName task : order) {
        TaskPrediction predicted = prediction.tasks().get(task);
        if (predicted != null) {
          tasks.put(task, predicted);
        }
      }
      results.add(
          new Classification(
              resources.get(i).id(), tasks, aggregation.classify(tasks), record.version()));
    }
    return new ClassifyResourcesResult(record.version(), results);
  }
}
