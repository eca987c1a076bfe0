package io.mmq.core.classification.service;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.classification.policy.QualityAggregationPolicy;
import io.mmq.core.classification.port.in.Classification;
import io.mmq.core.classification.port.in.ClassifyResourcesCommand;
import io.mmq.core.classification.port.in.ClassifyResourcesResult;
import io.mmq.core.classification.port.in.ClassifyResourcesUseCase;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.common.CallerState;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.policy.ResourceFingerprint;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.telemetry.Telemetry;
import io.mmq.core.task.model.TaskName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Classifies resources with the model held by {@link ActiveModelHolder}, then the aggregation
 * policy per resource. A missing model is reported before unknown ids. Predictions come from the
 * {@link PredictionCache} where the served model already predicted the same content, and the rest
 * from a {@link PredictionBatcher} that runs concurrent calls' resources together; every result of
 * one call comes from the same model version. {@link #close} stops the batcher's workers.
 */
public final class ClassificationService implements ClassifyResourcesUseCase, AutoCloseable {
  private final ResourceResolver resolver;
  private final ActiveModelHolder models;
  private final QualityAggregationPolicy aggregation;
  private final Telemetry telemetry;
  private final PredictionBatcher batcher;
  private final PredictionCache cache;

  /** With the default serving settings and no telemetry. */
  public ClassificationService(
      Resources resources, ActiveModelHolder models, QualityAggregationPolicy aggregation) {
    this(resources, models, aggregation, ServingSettings.DEFAULT, Telemetry.NONE);
  }

  public ClassificationService(
      Resources resources,
      ActiveModelHolder models,
      QualityAggregationPolicy aggregation,
      ServingSettings settings,
      Telemetry telemetry) {
    this.resolver = new ResourceResolver(Objects.requireNonNull(resources, "resources is null"));
    this.models = Objects.requireNonNull(models, "models is null");
    this.aggregation = Objects.requireNonNull(aggregation, "aggregation is null");
    Objects.requireNonNull(settings, "settings is null");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry is null");
    this.batcher = new PredictionBatcher(settings, telemetry);
    this.cache = new PredictionCache(settings.cacheEntries());
    models.addSwapListener(cache::reset);
    cache.reset(models.loadedVersion());
  }

  @Override
  public ClassifyResourcesResult classify(ClassifyResourcesCommand command, CallerState caller) {
    Objects.requireNonNull(command, "command is null");
    Objects.requireNonNull(caller, "caller is null");
    return models.withActiveModel(
        (record, model) ->
            classify(record, model, resolver.resolve(command.resources()), caller));
  }

  /** Stops the batching workers; calls still waiting fail. */
  @Override
  public void close() {
    batcher.close();
  }

  private ClassifyResourcesResult classify(
      ModelRecord record, QualityModel model, List<Resource> resources, CallerState caller) {
    List<Prediction> predictions = predict(record.version(), model, resources, caller);
    List<TaskName> order = model.tasks().names();
    QualityAggregationPolicy policy = aggregation.forTasks(model.tasks());
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
              resources.get(i).id(), tasks, policy.classify(tasks), record.version()));
    }
    return new ClassifyResourcesResult(record.version(), results);
  }

  /** The model's predictions, from the cache where it has them, the rest batched. */
  private List<Prediction> predict(
      ModelVersion version, QualityModel model, List<Resource> resources, CallerState caller) {
    if (!cache.isEnabled()) {
      return batcher.predict(model, resources, caller);
    }
    Prediction[] predictions = new Prediction[resources.size()];
    List<ResourceFingerprint> missedContent = new ArrayList<>();
    List<Resource> missed = new ArrayList<>();
    List<Integer> missedAt = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      ResourceFingerprint content = ResourceFingerprint.of(resources.get(i));
      Optional<Prediction> cached = cache.get(version, content);
      if (cached.isPresent()) {
        predictions[i] = cached.get();
      } else {
        missedContent.add(content);
        missed.add(resources.get(i));
        missedAt.add(i);
      }
    }
    List<Prediction> predicted = batcher.predict(model, missed, caller);
    for (int i = 0; i < predicted.size(); i++) {
      predictions[missedAt.get(i)] = predicted.get(i);
      cache.put(version, missedContent.get(i), predicted.get(i));
    }
    telemetry.predictionCache(resources.size() - missed.size(), missed.size());
    return Arrays.asList(predictions);
  }
}
