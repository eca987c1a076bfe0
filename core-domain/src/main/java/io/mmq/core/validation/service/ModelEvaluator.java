package io.mmq.core.validation.service;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.training.model.ExampleSource;
import io.mmq.core.training.model.TrainingExample;
import io.mmq.core.validation.model.HeldOutEvaluation;
import io.mmq.core.validation.model.ScoredLabel;
import io.mmq.core.validation.model.TaskMetrics;
import io.mmq.core.validation.policy.TaskMetricsCollector;
import io.mmq.core.validation.policy.ValidationOutcome;
import io.mmq.core.validation.policy.ValidationPolicy;
import io.mmq.core.validation.policy.ValidationTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a loaded model on labelled examples, predicting a batch of {@value #BATCH} at a time:
 * the validation tally (coincidence, accuracy, decision), per-task metrics and the per-task
 * (probability, label) pairs they were computed from.
 */
public final class ModelEvaluator {
  static final int BATCH = 256;

  /** The verdict of the validation policy, the per-task metrics and their per-item pairs. */
  record Evaluation(
      ValidationOutcome outcome,
      Map<TaskName, TaskMetrics> tasks,
      Map<TaskName, List<ScoredLabel>> scored) {}

  /** The figures of a freshly trained model on the examples held out of its training. */
  public static HeldOutEvaluation heldOut(
      QualityModel model, ExampleSource examples, TimeWindow window, ValidationPolicy policy) {
    Evaluation evaluation = evaluate(model, examples, window, policy);
    ValidationOutcome outcome = evaluation.outcome();
    double accuracy =
        outcome instanceof ValidationOutcome.Evaluated evaluated ? evaluated.accuracy() : Double.NaN;
    return new HeldOutEvaluation(
        outcome.evaluated(), outcome.accurate(), accuracy, policy.coincidenceThreshold(),
        evaluation.tasks(), evaluation.scored());
  }

  private ModelEvaluator() {}

  static Evaluation evaluate(
      QualityModel model, ExampleSource examples, TimeWindow window, ValidationPolicy policy) {
    ValidationTally tally = policy.newTally();
    TaskMetricsCollector collector = new TaskMetricsCollector(model.tasks());
    List<TrainingExample> batch = new ArrayList<>(BATCH);
    examples.forEach(
        example -> {
          batch.add(example);
          if (batch.size() == BATCH) {
            flush(model, batch, window, tally, collector);
          }
        });
    flush(model, batch, window, tally, collector);
    return new Evaluation(tally.outcome(), collector.metrics(), collector.scored());
  }

  private static void flush(
      QualityModel model,
      List<TrainingExample> batch,
      TimeWindow window,
      ValidationTally tally,
      TaskMetricsCollector collector) {
    if (batch.isEmpty()) {
      return;
    }
    List<Prediction> predictions =
        model.predict(batch.stream().map(TrainingExample::resource).toList());
    if (predictions.size() != batch.size()) {
      throw new IllegalStateException(
          "the model returned " + predictions.size() + " predictions for " + batch.size()
              + " resources");
    }
    for (int i = 0; i < batch.size(); i++) {
      TrainingExample example = batch.get(i);
      LabelledResource labelled =
          new LabelledResource(example.resource().id(), window, example.labels());
      tally.add(predictions.get(i), labelled);
      collector.add(predictions.get(i), labelled);
    }
    batch.clear();
  }
}
