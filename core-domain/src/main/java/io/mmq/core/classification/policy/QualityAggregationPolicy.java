package io.mmq.core.classification.policy;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.common.Checks;
import io.mmq.core.label.model.Label;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns per-task labels into one quality class (claim 12, R6). With {@code p} positive labels
 * among {@code n} tasks:
 *
 * <ul>
 *   <li>{@link #ALL}: HIGH when {@code n > 0} and {@code p == n};
 *   <li>{@link #MAJORITY}: HIGH when {@code 2p > n}, strictly more than half (2 of 4 is LOW);
 *   <li>{@link #atLeast AT_LEAST(k)}: HIGH when {@code p >= k}, k at least 1 (k above n: LOW);
 *   <li>{@link #weighted WEIGHTED(weights, t)}: HIGH when the weighted share of positive tasks,
 *       {@code sum(w_i * positive_i) / sum(w_i)} over the given tasks, is at least {@code t} (0 <
 *       t <= 1). A task without a weight weighs 0; a total weight of 0 gives LOW.
 * </ul>
 *
 * No labels at all always give LOW. Configuration strings: {@code ALL}, {@code MAJORITY}, {@code
 * AT_LEAST:2}, {@code WEIGHTED:0.5} (weights from the task set's loss weights), case-insensitive;
 * {@link #spec()} writes them back.
 *
 * <pre>{@code
 * QualityAggregationPolicy policy = QualityAggregationPolicy.parse("AT_LEAST:2", taskSet);
 * QualityClass quality = policy.classify(prediction); // HIGH when 2 tasks predict POSITIVE
 * }</pre>
 */
public sealed interface QualityAggregationPolicy {

  /** Every task positive. */
  QualityAggregationPolicy ALL = new All();

  /** Strictly more than half of the tasks positive. */
  QualityAggregationPolicy MAJORITY = new Majority();

  static QualityAggregationPolicy atLeast(int count) {
    return new AtLeast(count);
  }

  static QualityAggregationPolicy weighted(Map<TaskName, Double> weights, double threshold) {
    return new Weighted(weights, threshold);
  }

  /**
   * Weighted by the tasks' loss weights; {@link #forTasks} gives the same threshold over another
   * task set's weights.
   */
  static QualityAggregationPolicy weighted(TaskSet tasks, double threshold) {
    return new TaskWeighted(new Weighted(TaskWeighted.weightsOf(tasks), threshold));
  }

  /**
   * This policy for a model with {@code tasks}: a {@code WEIGHTED} policy that takes its weights
   * from a task set (as one parsed from configuration does) takes those of {@code tasks}, so that
   * a model is classified by the weights of the tasks it predicts, whatever the task set was when
   * the policy was made. Every other policy, and {@link Weighted} with explicit weights, is
   * returned as it is.
   */
  default QualityAggregationPolicy forTasks(TaskSet tasks) {
    Objects.requireNonNull(tasks, "tasks is null");
    return this;
  }

  /** The quality class of a resource's per-task labels. */
  QualityClass aggregate(Map<TaskName, Label> labels);

  /** The quality class of per-task predictions, by their labels. */
  default QualityClass classify(Map<TaskName, TaskPrediction> predictions) {
    Objects.requireNonNull(predictions, "predictions is null");
    Map<TaskName, Label> labels = new HashMap<>();
    predictions.forEach(
        (task, prediction) -> {
          Objects.requireNonNull(prediction, "prediction of task '" + task + "' is null");
          labels.put(task, prediction.label());
        });
    return aggregate(labels);
  }

  default QualityClass classify(Prediction prediction) {
    Objects.requireNonNull(prediction, "prediction is null");
    return classify(prediction.tasks());
  }

  /**
   * The configuration string that {@link #parse} reads back. A {@code WEIGHTED} spec holds only
   * the threshold: parsing it takes the weights from the task set.
   */
  String spec();

  /** Parses a policy that needs no weights: {@code ALL}, {@code MAJORITY}, {@code AT_LEAST:k}. */
  static QualityAggregationPolicy parse(String spec) {
    return AggregationSpecs.parse(spec, null);
  }

  /**
   * Parses any policy; {@code WEIGHTED:t} takes its weights from the tasks' loss weights.
   *
   * @throws IllegalArgumentException naming what is wrong and the accepted forms
   */
  static QualityAggregationPolicy parse(String spec, TaskSet tasks) {
    Objects.requireNonNull(tasks, "tasks is null");
    return AggregationSpecs.parse(spec, tasks);
  }

  /** HIGH only when every task is positive. */
  record All() implements QualityAggregationPolicy {
    @Override
    public QualityClass aggregate(Map<TaskName, Label> labels) {
      long[] counts = AggregationSpecs.count(labels);
      return quality(counts[1] > 0 && counts[0] == counts[1]);
    }

    @Override
    public String spec() {
      return "ALL";
    }
  }

  /** HIGH when strictly more than half of the tasks are positive. */
  record Majority() implements QualityAggregationPolicy {
    @Override
    public QualityClass aggregate(Map<TaskName, Label> labels) {
      long[] counts = AggregationSpecs.count(labels);
      return quality(2 * counts[0] > counts[1]);
    }

    @Override
    public String spec() {
      return "MAJORITY";
    }
  }

  /** HIGH when at least {@code count} tasks are positive. */
  record AtLeast(int count) implements QualityAggregationPolicy {
    public AtLeast {
      if (count < 1) {
        throw new IllegalArgumentException("AT_LEAST count must be at least 1, was " + count);
      }
    }

    @Override
    public QualityClass aggregate(Map<TaskName, Label> labels) {
      return quality(AggregationSpecs.count(labels)[0] >= count);
    }

    @Override
    public String spec() {
      return "AT_LEAST:" + count;
    }
  }

  /** HIGH when the weighted share of positive tasks reaches the threshold. */
  record Weighted(Map<TaskName, Double> weights, double threshold)
      implements QualityAggregationPolicy {
    public Weighted {
      Objects.requireNonNull(weights, "weights is null");
      weights.forEach(
          (task, weight) -> {
            Objects.requireNonNull(task, "weights key is null");
            Objects.requireNonNull(weight, "weight of task '" + task + "' is null");
            Checks.requireFinite(weight, "weight of task '" + task + "'");
            if (weight < 0) {
              throw new IllegalArgumentException(
                  "weight of task '" + task + "' must not be negative, was " + weight);
            }
          });
      weights = Map.copyOf(weights);
      Checks.requireFinite(threshold, "WEIGHTED threshold");
      if (threshold <= 0 || threshold > 1) {
        throw new IllegalArgumentException(
            "WEIGHTED threshold must be in (0, 1], was " + threshold);
      }
    }

    /** {@code sum(w_i * positive_i) / sum(w_i)}; NaN when the total weight is 0. */
    public double score(Map<TaskName, Label> labels) {
      Objects.requireNonNull(labels, "labels is null");
      double total = 0;
      double positive = 0;
      for (Map.Entry<TaskName, Label> entry : labels.entrySet()) {
        Objects.requireNonNull(entry.getValue(), "label of task '" + entry.getKey() + "' is null");
        double weight = weights.getOrDefault(entry.getKey(), 0.0);
        total += weight;
        if (entry.getValue().isPositive()) {
          positive += weight;
        }
      }
      return total > 0 ? positive / total : Double.NaN;
    }

    @Override
    public QualityClass aggregate(Map<TaskName, Label> labels) {
      double score = score(labels);
      return quality(!Double.isNaN(score) && score >= threshold);
    }

    @Override
    public String spec() {
      return "WEIGHTED:" + threshold;
    }
  }

  /**
   * {@link Weighted} over the loss weights of a task set: what {@code WEIGHTED:t} means. {@link
   * #forTasks} rebinds it to another task set's weights.
   */
  record TaskWeighted(Weighted weighted) implements QualityAggregationPolicy {
    public TaskWeighted {
      Objects.requireNonNull(weighted, "weighted is null");
    }

    static Map<TaskName, Double> weightsOf(TaskSet tasks) {
      Objects.requireNonNull(tasks, "tasks is null");
      Map<TaskName, Double> weights = new HashMap<>();
      for (Task task : tasks.tasks()) {
        weights.put(task.name(), task.weight());
      }
      return weights;
    }

    /** The weighted share of positive tasks (see {@link Weighted#score}). */
    public double score(Map<TaskName, Label> labels) {
      return weighted.score(labels);
    }

    @Override
    public QualityClass aggregate(Map<TaskName, Label> labels) {
      return weighted.aggregate(labels);
    }

    @Override
    public QualityAggregationPolicy forTasks(TaskSet tasks) {
      return new TaskWeighted(new Weighted(weightsOf(tasks), weighted.threshold()));
    }

    @Override
    public String spec() {
      return weighted.spec();
    }
  }

  private static QualityClass quality(boolean high) {
    return high ? QualityClass.HIGH : QualityClass.LOW;
  }
}
