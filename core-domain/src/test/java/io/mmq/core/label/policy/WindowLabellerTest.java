package io.mmq.core.label.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.Label;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WindowLabellerTest {
  private static final TaskName CTR = TaskName.of("ctr");
  private static final TaskName BOUNCE = TaskName.of("bounce");
  private static final TaskSet TASKS =
      TaskSet.of(Task.higherIsBetter("ctr", "ctr"), Task.lowerIsBetter("bounce", "bounce_rate"));
  private static final Instant MONDAY = Instant.parse("2016-06-20T00:00:00Z");
  private static final TimeWindow WEEK_1 = TimeWindow.of(MONDAY, day(7));
  private static final TimeWindow WEEK_2 = TimeWindow.of(day(7), day(14));

  private static Instant day(int days) {
    return MONDAY.plusSeconds(86_400L * days);
  }

  private static EngagementRecord record(
      String id, int day, Long impressions, double ctr, double bounce) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("ctr", ctr);
    metrics.put("bounce_rate", bounce);
    return new EngagementRecord(
        ResourceId.of(id),
        TimeWindow.of(day(day), day(day + 1)),
        impressions == null ? OptionalLong.empty() : OptionalLong.of(impressions),
        metrics);
  }

  private static Map<String, Map<TaskName, Label>> byId(List<LabelledResource> labelled) {
    Map<String, Map<TaskName, Label>> out = new LinkedHashMap<>();
    labelled.forEach(resource -> out.put(resource.resourceId().value(), resource.labels()));
    return out;
  }

  @Test
  void labelsEveryTaskAgainstTheWindowsOwnReference() {
    // ctr 0.01, 0.02, 0.06: mean 0.03; bounce 0.5, 0.3, 0.1: mean 0.3 (lower is better)
    List<EngagementRecord> records =
        List.of(
            record("a", 0, 1_000L, 0.01, 0.5),
            record("b", 1, 1_000L, 0.02, 0.3),
            record("c", 2, 1_000L, 0.06, 0.1));

    List<LabelledResource> labelled = new WindowLabeller(TASKS).labelAll(WEEK_1, records);

    assertThat(byId(labelled))
        .containsExactly(
            Map.entry("a", Map.of(CTR, Label.NEGATIVE, BOUNCE, Label.NEGATIVE)),
            Map.entry("b", Map.of(CTR, Label.NEGATIVE)), // bounce 0.3 ties with the mean
            Map.entry("c", Map.of(CTR, Label.POSITIVE, BOUNCE, Label.POSITIVE)));
    assertThat(labelled).allSatisfy(resource -> assertThat(resource.window()).isEqualTo(WEEK_1));
  }

  @Test
  void eachWindowIsLabelledFromItsOwnRecordsOnly() {
    // resource x has ctr 0.05 in both weeks; week 1 averages lower, week 2 higher
    List<EngagementRecord> week1 =
        List.of(record("w", 0, 500L, 0.01, 0.2), record("x", 0, 500L, 0.05, 0.2));
    List<EngagementRecord> week2 =
        List.of(record("x", 7, 500L, 0.05, 0.2), record("y", 8, 500L, 0.09, 0.2));
    WindowLabeller labeller = new WindowLabeller(TASKS);

    assertThat(byId(labeller.labelAll(WEEK_1, week1)).get("x")).containsEntry(CTR, Label.POSITIVE);
    assertThat(byId(labeller.labelAll(WEEK_2, week2)).get("x")).containsEntry(CTR, Label.NEGATIVE);
  }

  @Test
  void recordOutsideTheWindowIsRejected() {
    List<EngagementRecord> records = List.of(record("x", 7, 500L, 0.05, 0.2));

    assertThatThrownBy(() -> new WindowLabeller(TASKS).labelAll(WEEK_1, records))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record of resource 'x' has window")
        .hasMessageContaining("outside the labelling window " + WEEK_1);
  }

  @Test
  void underExposedRecordsNeitherGetLabelsNorMoveTheReference() {
    // without the 10-impression record (ctr 0.90) the mean is 0.03, so 0.04 is positive
    List<EngagementRecord> records =
        List.of(
            record("a", 0, 1_000L, 0.02, 0.3),
            record("b", 0, 1_000L, 0.04, 0.3),
            record("c", 0, 1_000L, 0.03, 0.3),
            record("d", 0, 10L, 0.90, 0.3));
    List<LabelledResource> labelled = new ArrayList<>();

    LabellingSummary summary =
        new WindowLabeller(TASKS).label(WEEK_1, records::forEach, labelled::add);

    assertThat(byId(labelled))
        .containsOnlyKeys("a", "b")
        .containsEntry("b", Map.of(CTR, Label.POSITIVE));
    LabellingSummary.TaskCounts ctr = summary.tasks().get(CTR);
    assertThat(ctr.reference().getAsDouble()).isCloseTo(0.03, within(1e-12));
    assertThat(ctr.eligible()).isEqualTo(3);
    assertThat(ctr.positive()).isEqualTo(1);
    assertThat(ctr.negative()).isEqualTo(1);
    assertThat(ctr.ties()).isEqualTo(1);
    assertThat(summary.tasks().get(BOUNCE).ties()).isEqualTo(3);
    assertThat(summary.records()).isEqualTo(4);
    assertThat(summary.resources()).isEqualTo(4);
    assertThat(summary.labelledResources()).isEqualTo(2);
    assertThat(summary.tasks().keySet()).containsExactly(CTR, BOUNCE);
  }

  @Test
  void severalRecordsOfOneResourceCountAsOneImpressionWeightedRecord() {
    // "b" has two days of 60 impressions each: 120 >= 100, so it becomes eligible,
    // ctr (60 * 0.10 + 60 * 0.30) / 120 = 0.20; window: a 0.05, b 0.20, c 0.08 -> mean 0.11
    List<EngagementRecord> records =
        List.of(
            record("a", 0, 200L, 0.05, 0.3),
            record("b", 0, 60L, 0.10, 0.3),
            record("b", 1, 60L, 0.30, 0.3),
            record("c", 3, 200L, 0.08, 0.3));

    WindowLabeller labeller = new WindowLabeller(TASKS);
    TaskLabeler ctr = labeller.fit(WEEK_1, records::forEach).get(CTR);

    assertThat(ctr.size()).isEqualTo(3);
    assertThat(ctr.reference().getAsDouble()).isCloseTo(0.11, within(1e-12));
    assertThat(byId(labeller.labelAll(WEEK_1, records)).get("b"))
        .containsEntry(CTR, Label.POSITIVE);
  }

  @Test
  void mergeSumsImpressionsAndWeighsMetricsByThem() {
    EngagementRecord merged =
        ResourceGrouper.merge(
            WEEK_1, List.of(record("b", 0, 100L, 0.1, 0.5), record("b", 1, 300L, 0.2, 0.1)));

    assertThat(merged.window()).isEqualTo(WEEK_1);
    assertThat(merged.impressions()).hasValue(400);
    assertThat(merged.metric("ctr").getAsDouble()).isCloseTo(0.175, within(1e-12)); // 70 / 400
    assertThat(merged.metric("bounce_rate").getAsDouble()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void mergeWithoutImpressionCountsIsReliableAndUsesThePlainMean() {
    EngagementRecord merged =
        ResourceGrouper.merge(
            WEEK_1, List.of(record("b", 0, null, 0.1, 0.5), record("b", 1, 300L, 0.2, 0.1)));

    assertThat(merged.impressions()).isEmpty();
    assertThat(merged.metric("ctr").getAsDouble()).isCloseTo(0.15, within(1e-12));
  }

  @Test
  void mergeAveragesEachMetricOverTheRecordsThatHaveIt() {
    EngagementRecord withDwell =
        new EngagementRecord(
            ResourceId.of("b"),
            TimeWindow.of(day(2), day(3)),
            OptionalLong.of(100),
            Map.of("dwell", 40.0));

    EngagementRecord merged =
        ResourceGrouper.merge(WEEK_1, List.of(record("b", 0, 100L, 0.1, 0.5), withDwell));

    assertThat(merged.metric("dwell")).hasValue(40.0);
    assertThat(merged.metric("ctr")).hasValue(0.1);
    assertThat(merged.impressions()).hasValue(200);
  }

  @Test
  void recordsOutOfResourceOrderAreRejected() {
    List<EngagementRecord> records =
        List.of(record("b", 0, 500L, 0.05, 0.2), record("a", 0, 500L, 0.05, 0.2));

    assertThatThrownBy(() -> new WindowLabeller(TASKS).labelAll(WEEK_1, records))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("records must be ordered by resource id: 'a' came after 'b'");
  }

  @Test
  void sourceThatChangesBetweenPassesIsDetected() {
    List<List<EngagementRecord>> passes =
        new ArrayList<>(
            List.of(
                List.of(record("a", 0, 500L, 0.01, 0.2), record("b", 0, 500L, 0.05, 0.2)),
                List.of(record("a", 0, 500L, 0.01, 0.2))));
    RecordSource changing =
        (Consumer<EngagementRecord> consumer) -> passes.remove(0).forEach(consumer);

    assertThatThrownBy(() -> new WindowLabeller(TASKS).label(WEEK_1, changing, resource -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the records changed between the two passes: task 'ctr' had 2 eligible values, then 1");
  }

  @Test
  void emptyWindowLabelsNothing() {
    LabellingSummary summary =
        new WindowLabeller(TASKS).label(WEEK_1, consumer -> {}, resource -> {
          throw new AssertionError("nothing to label");
        });

    assertThat(summary.resources()).isZero();
    assertThat(summary.tasks().get(CTR).reference()).isEmpty();
  }
}
