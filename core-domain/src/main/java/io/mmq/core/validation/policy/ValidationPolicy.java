package io.mmq.core.validation.policy;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.common.Checks;
import io.mmq.core.label.model.Label;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.validation.model.Decision;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Validation of the active model (claim 11, figs. 10-11, R8). For each resource of the validation
 * set:
 *
 * <pre>
 *   coincidence = #{tasks t labelled and predicted : predicted(t) == label(t)}
 *                 / #{tasks t labelled and predicted}
 * </pre>
 *
 * A resource with no labelled task that the model predicts is not evaluated (a task the model does
 * not know is not held against it). A resource is accurate when {@code coincidence >=
 * coincidenceThreshold}; {@code accuracy = accurate / evaluated}; {@code accuracy <
 * accuracyThreshold} -> UPDATE, otherwise KEEP; nothing evaluated -> {@link
 * ValidationOutcome.NothingToEvaluate}.
 *
 * <p>Defaults ({@link #DEFAULT}): coincidence 0.5, accuracy 0.7. The patent names both thresholds
 * without values (its table 1 only gives the 5-day update period, see {@link RetrainPolicy}), so
 * these are this project's choices: a resource counts as accurate when at least half its labelled
 * tasks agree, and the model is kept while 70 % of resources are.
 *
 * <pre>{@code
 * ValidationPolicy policy = ValidationPolicy.DEFAULT;
 * ValidationTally tally = policy.newTally();
 * for (LabelledResource labelled : validationSet) {
 *   tally.add(predictionsById.get(labelled.resourceId()), labelled);
 * }
 * ValidationOutcome outcome = tally.outcome(); // Evaluated(..., UPDATE) or NothingToEvaluate
 * }</pre>
 */
public record ValidationPolicy(double coincidenceThreshold, double accuracyThreshold) {
  /** Coincidence 0.5, accuracy 0.7 (see the class comment). */
  public static final ValidationPolicy DEFAULT = new ValidationPolicy(0.5, 0.7);

  public ValidationPolicy {
    Checks.requireInRange(coincidenceThreshold, 0, 1, "coincidenceThreshold");
    Checks.requireInRange(accuracyThreshold, 0, 1, "accuracyThreshold");
  }

  /**
   * The share of the labelled tasks that the model predicts and gets right; empty when no labelled
   * task is predicted.
   */
  public static OptionalDouble coincidence(
      Map<TaskName, Label> predicted, Map<TaskName, Label> labels) {
    Objects.requireNonNull(predicted, "predicted is null");
    Objects.requireNonNull(labels, "labels is null");
    int compared = 0;
    int agreeing = 0;
    for (Map.Entry<TaskName, Label> entry : labels.entrySet()) {
      Label prediction = predicted.get(entry.getKey());
      if (prediction == null) {
        continue;
      }
      compared++;
      if (prediction == entry.getValue()) {
        agreeing++;
      }
    }
    return compared == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) agreeing / compared);
  }

  /** The coincidence of a prediction with the labels of the same resource. */
  public static OptionalDouble coincidence(Prediction prediction, LabelledResource labelled) {
    Objects.requireNonNull(prediction, "prediction is null");
    Objects.requireNonNull(labelled, "labelled is null");
    if (!prediction.resourceId().equals(labelled.resourceId())) {
      throw new IllegalArgumentException(
          "prediction is for resource '"
              + prediction.resourceId()
              + "' but the labels are for '"
              + labelled.resourceId()
              + "'");
    }
    return coincidence(predictedLabels(prediction.tasks()), labelled.labels());
  }

  /** Whether a resource with this coincidence counts as accurate. */
  public boolean isAccurate(double coincidence) {
    Checks.requireInRange(coincidence, 0, 1, "coincidence");
    return coincidence >= coincidenceThreshold;
  }

  /** The decision for an accuracy: UPDATE below the threshold, KEEP at or above it. */
  public Decision decide(double accuracy) {
    Checks.requireInRange(accuracy, 0, 1, "accuracy");
    return accuracy < accuracyThreshold ? Decision.UPDATE : Decision.KEEP;
  }

  /** The outcome for counted resources. */
  public ValidationOutcome outcome(long seen, long evaluated, long accurate) {
    if (evaluated == 0) {
      if (accurate != 0) {
        throw new IllegalArgumentException(
            "accurate must be 0 when nothing was evaluated, was " + accurate);
      }
      return new ValidationOutcome.NothingToEvaluate(seen);
    }
    double accuracy = (double) accurate / evaluated;
    return new ValidationOutcome.Evaluated(
        seen, evaluated, accurate, accuracy, accuracyThreshold, decide(accuracy));
  }

  /** An empty tally to feed resource by resource. */
  public ValidationTally newTally() {
    return new ValidationTally(this);
  }

  static Map<TaskName, Label> predictedLabels(Map<TaskName, TaskPrediction> tasks) {
    Map<TaskName, Label> labels = new HashMap<>();
    tasks.forEach((task, prediction) -> labels.put(task, prediction.label()));
    return labels;
  }
}
