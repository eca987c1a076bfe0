package io.mmq.core.classification.policy;

import static io.mmq.core.classification.model.QualityClass.HIGH;
import static io.mmq.core.classification.model.QualityClass.LOW;
import static io.mmq.core.label.model.Label.NEGATIVE;
import static io.mmq.core.label.model.Label.POSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.label.model.Label;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualityAggregationPolicyTest {
  private static final String FORMS =
      "ALL, MAJORITY, AT_LEAST:k (k >= 1) or WEIGHTED:t (0 < t <= 1)";
  private static final TaskName CTR = TaskName.of("ctr");
  private static final TaskName DWELL = TaskName.of("dwell");
  private static final TaskName LIKES = TaskName.of("likes");
  private static final TaskName BOUNCE = TaskName.of("bounce");
  private static final TaskName SHARES = TaskName.of("shares");

  /** ctr weighs 2, dwell and bounce 1: ctr alone is half the weight. */
  private static final TaskSet WEIGHTED_TASKS =
      TaskSet.of(
          Task.higherIsBetter("ctr", "ctr").withWeight(2),
          Task.higherIsBetter("dwell", "dwell"),
          Task.lowerIsBetter("bounce", "bounce_rate"));

  /** Labels for the first tasks in the order ctr, dwell, likes, bounce, shares. */
  private static Map<TaskName, Label> labels(Label... labels) {
    TaskName[] names = {CTR, DWELL, LIKES, BOUNCE, SHARES};
    Map<TaskName, Label> map = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i++) {
      map.put(names[i], labels[i]);
    }
    return map;
  }

  @Test
  void allNeedsEveryTaskPositive() {
    QualityAggregationPolicy all = QualityAggregationPolicy.ALL;

    assertThat(all.aggregate(labels(POSITIVE, POSITIVE, POSITIVE))).isEqualTo(HIGH);
    assertThat(all.aggregate(labels(POSITIVE, NEGATIVE, POSITIVE))).isEqualTo(LOW);
    assertThat(all.aggregate(labels())).isEqualTo(LOW);
  }

  @Test
  void majorityNeedsStrictlyMoreThanHalf() {
    QualityAggregationPolicy majority = QualityAggregationPolicy.MAJORITY;

    assertThat(majority.aggregate(labels(POSITIVE, POSITIVE, NEGATIVE, POSITIVE, NEGATIVE)))
        .isEqualTo(HIGH); // 3 of 5
    assertThat(majority.aggregate(labels(POSITIVE, NEGATIVE, POSITIVE, NEGATIVE)))
        .isEqualTo(LOW); // 2 of 4: a tie is not a majority
    assertThat(majority.aggregate(labels(POSITIVE, POSITIVE, POSITIVE, NEGATIVE)))
        .isEqualTo(HIGH);
    assertThat(majority.aggregate(labels(POSITIVE))).isEqualTo(HIGH);
    assertThat(majority.aggregate(labels(NEGATIVE))).isEqualTo(LOW);
    assertThat(majority.aggregate(labels())).isEqualTo(LOW);
  }

  @Test
  void atLeastCountsPositiveTasks() {
    QualityAggregationPolicy two = QualityAggregationPolicy.atLeast(2);

    assertThat(two.aggregate(labels(NEGATIVE, POSITIVE, NEGATIVE, POSITIVE, NEGATIVE)))
        .isEqualTo(HIGH);
    assertThat(two.aggregate(labels(NEGATIVE, POSITIVE, NEGATIVE))).isEqualTo(LOW);
    assertThat(QualityAggregationPolicy.atLeast(3).aggregate(labels(POSITIVE, POSITIVE)))
        .isEqualTo(LOW); // more than there are tasks
    assertThat(two.aggregate(labels())).isEqualTo(LOW);
    assertThatThrownBy(() -> QualityAggregationPolicy.atLeast(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AT_LEAST count must be at least 1, was 0");
  }

  @Test
  void weightedComparesTheWeightedShareOfPositivesWithTheThreshold() {
    // weights ctr 2, dwell 1, bounce 1 (total 4)
    QualityAggregationPolicy.TaskWeighted half =
        (QualityAggregationPolicy.TaskWeighted) QualityAggregationPolicy.weighted(WEIGHTED_TASKS, 0.5);
    Map<TaskName, Label> onlyCtr = Map.of(CTR, POSITIVE, DWELL, NEGATIVE, BOUNCE, NEGATIVE);
    Map<TaskName, Label> onlyDwell = Map.of(CTR, NEGATIVE, DWELL, POSITIVE, BOUNCE, NEGATIVE);
    Map<TaskName, Label> dwellAndBounce =
        Map.of(CTR, NEGATIVE, DWELL, POSITIVE, BOUNCE, POSITIVE);

    assertThat(half.score(onlyCtr)).isEqualTo(0.5);
    assertThat(half.aggregate(onlyCtr)).isEqualTo(HIGH); // 2 / 4 reaches 0.5
    assertThat(half.aggregate(dwellAndBounce)).isEqualTo(HIGH); // 2 / 4
    assertThat(half.score(onlyDwell)).isEqualTo(0.25);
    assertThat(half.aggregate(onlyDwell)).isEqualTo(LOW);
    assertThat(QualityAggregationPolicy.weighted(WEIGHTED_TASKS, 0.6).aggregate(onlyCtr))
        .isEqualTo(LOW);
  }

  @Test
  void weightedFromATaskSetTakesTheWeightsOfTheModelsTasks() {
    // parsed while the task set was ctr/dwell/bounce; the model predicts points (1) and comments (3)
    QualityAggregationPolicy configured = QualityAggregationPolicy.parse("WEIGHTED:0.5", WEIGHTED_TASKS);
    TaskSet modelTasks =
        TaskSet.of(Task.higherIsBetter("points", "points"), Task.higherIsBetter("comments", "comments").withWeight(3));
    Map<TaskName, Label> onlyComments = Map.of(TaskName.of("points"), NEGATIVE, TaskName.of("comments"), POSITIVE);
    Map<TaskName, Label> onlyPoints = Map.of(TaskName.of("points"), POSITIVE, TaskName.of("comments"), NEGATIVE);

    assertThat(configured.aggregate(onlyComments)).as("no weight for the model's tasks").isEqualTo(LOW);
    QualityAggregationPolicy bound = configured.forTasks(modelTasks);
    assertThat(bound.aggregate(onlyComments)).isEqualTo(HIGH); // 3 / 4
    assertThat(bound.aggregate(onlyPoints)).isEqualTo(LOW); // 1 / 4
    assertThat(bound.spec()).isEqualTo("WEIGHTED:0.5");
  }

  @Test
  void policiesWithoutTaskWeightsAreTheSameForEveryModel() {
    QualityAggregationPolicy explicit = new QualityAggregationPolicy.Weighted(Map.of(CTR, 1.0), 0.5);
    for (QualityAggregationPolicy policy :
        List.of(QualityAggregationPolicy.ALL, QualityAggregationPolicy.MAJORITY, QualityAggregationPolicy.atLeast(2), explicit)) {
      assertThat(policy.forTasks(WEIGHTED_TASKS)).isSameAs(policy);
    }
  }

  @Test
  void weightedShareIsOverTheTasksGiven() {
    // only ctr (2) and dwell (1) predicted: ctr positive is 2 / 3
    QualityAggregationPolicy.Weighted policy =
        new QualityAggregationPolicy.Weighted(Map.of(CTR, 2.0, DWELL, 1.0, BOUNCE, 1.0), 0.6);

    assertThat(policy.score(Map.of(CTR, POSITIVE, DWELL, NEGATIVE))).isEqualTo(2.0 / 3);
    assertThat(policy.aggregate(Map.of(CTR, POSITIVE, DWELL, NEGATIVE))).isEqualTo(HIGH);
  }

  @Test
  void weightedIgnoresTasksWithoutWeightAndZeroTotalIsLow() {
    QualityAggregationPolicy policy = QualityAggregationPolicy.weighted(WEIGHTED_TASKS, 0.5);

    assertThat(policy.aggregate(Map.of(LIKES, POSITIVE, DWELL, NEGATIVE))).isEqualTo(LOW);
    assertThat(policy.aggregate(Map.of(LIKES, POSITIVE))).isEqualTo(LOW);
    assertThat(policy.aggregate(Map.of())).isEqualTo(LOW);
  }

  @Test
  void weightedRejectsBadThresholdsAndWeights() {
    assertThatThrownBy(() -> QualityAggregationPolicy.weighted(WEIGHTED_TASKS, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WEIGHTED threshold must be in (0, 1], was 0.0");
    assertThatThrownBy(() -> QualityAggregationPolicy.weighted(Map.of(CTR, -1.0), 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight of task 'ctr' must not be negative, was -1.0");
  }

  @Test
  void classifiesPredictionsByTheirLabels() {
    Map<TaskName, TaskPrediction> predictions =
        Map.of(
            CTR, TaskPrediction.of(0.9),
            DWELL, TaskPrediction.of(0.6),
            LIKES, TaskPrediction.of(0.2));

    assertThat(QualityAggregationPolicy.MAJORITY.classify(predictions)).isEqualTo(HIGH);
    assertThat(QualityAggregationPolicy.ALL.classify(predictions)).isEqualTo(LOW);
    assertThat(
            QualityAggregationPolicy.atLeast(2)
                .classify(new Prediction(ResourceId.of("a-1"), predictions)))
        .isEqualTo(HIGH);
  }

  @Test
  void parsesEveryFormAndWritesItBack() {
    assertThat(QualityAggregationPolicy.parse("ALL")).isSameAs(QualityAggregationPolicy.ALL);
    assertThat(QualityAggregationPolicy.parse(" majority "))
        .isSameAs(QualityAggregationPolicy.MAJORITY);
    assertThat(QualityAggregationPolicy.parse("at_least:2"))
        .isEqualTo(new QualityAggregationPolicy.AtLeast(2));
    QualityAggregationPolicy weighted =
        QualityAggregationPolicy.parse("WEIGHTED:0.5", WEIGHTED_TASKS);
    assertThat(weighted)
        .isEqualTo(
            new QualityAggregationPolicy.TaskWeighted(
                new QualityAggregationPolicy.Weighted(Map.of(CTR, 2.0, DWELL, 1.0, BOUNCE, 1.0), 0.5)));

    for (String spec : new String[] {"ALL", "MAJORITY", "AT_LEAST:3", "WEIGHTED:0.25"}) {
      assertThat(QualityAggregationPolicy.parse(spec, WEIGHTED_TASKS).spec()).isEqualTo(spec);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|aggregation is blank; expected " + FORMS,
        "SOME|unknown aggregation 'SOME'; expected " + FORMS,
        "ALL:2|aggregation 'ALL:2': ALL takes no parameter",
        "MAJORITY:|aggregation 'MAJORITY:': MAJORITY takes no parameter",
        "AT_LEAST|aggregation 'AT_LEAST': AT_LEAST needs a count, e.g. AT_LEAST:2",
        "AT_LEAST:|aggregation 'AT_LEAST:': AT_LEAST needs a count, e.g. AT_LEAST:2",
        "AT_LEAST:two|aggregation 'AT_LEAST:two': AT_LEAST count 'two' is not an integer",
        "AT_LEAST:0|aggregation 'AT_LEAST:0': AT_LEAST count must be at least 1, was 0",
        "WEIGHTED|aggregation 'WEIGHTED': WEIGHTED needs a threshold, e.g. WEIGHTED:0.5",
        "WEIGHTED:half|aggregation 'WEIGHTED:half': WEIGHTED threshold 'half' is not a number",
        "WEIGHTED:NaN|aggregation 'WEIGHTED:NaN': WEIGHTED threshold 'NaN' is not a number",
        "WEIGHTED:1.5|aggregation 'WEIGHTED:1.5': WEIGHTED threshold must be in (0, 1], was 1.5",
        "WEIGHTED:0|aggregation 'WEIGHTED:0': WEIGHTED threshold must be in (0, 1], was 0",
      })
  void rejectsBadSpecsPrecisely(String spec, String message) {
    assertThatThrownBy(() -> QualityAggregationPolicy.parse(spec, WEIGHTED_TASKS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void weightedSpecNeedsTheTaskSet() {
    assertThatThrownBy(() -> QualityAggregationPolicy.parse("WEIGHTED:0.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("aggregation 'WEIGHTED:0.5' needs task weights: parse it with the task set");
    assertThatThrownBy(() -> QualityAggregationPolicy.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("aggregation is null");
  }
}
