package io.mmq.core.label.service;

import static io.mmq.core.testing.builder.EngagementRecordBuilder.anEngagementRecord;
import static io.mmq.core.testing.builder.LabelledResourceBuilder.aLabelledResource;
import static io.mmq.core.testing.builder.TaskBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.label.policy.LabelDerivationPolicy;
import io.mmq.core.label.policy.LabellingSummary;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.port.in.TaskLabelCounts;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.testing.builder.Windows;
import io.mmq.core.testing.fake.InMemoryEngagements;
import io.mmq.core.testing.fake.InMemoryLabels;
import io.mmq.core.testing.fake.InMemoryTaskSets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Worked example. Tasks: ctr (higher is better, at least 100 impressions) and bounce (metric
 * bounce_rate, lower is better, no minimum).
 *
 * <pre>
 * 2016-06-24  a: ctr 0.01 bounce 0.75   b: ctr 0.02 bounce 0.50   c: ctr 0.03 bounce 0.25
 *             d: ctr 0.10 bounce 0.50   e: ctr 0.50 (50 impressions, no bounce)
 *   ctr: mean of a-d = 0.04 -> d POSITIVE, a b c NEGATIVE, e too few impressions
 *   bounce: mean 0.5 -> c POSITIVE (lower), a NEGATIVE, b d tie, e has no value
 * 2016-06-25  a: ctr 0.20 bounce 0.25   b: ctr 0.30 bounce 0.75
 *   its own means 0.25 / 0.5 -> ctr: b POSITIVE, a NEGATIVE; bounce: a POSITIVE, b NEGATIVE
 * </pre>
 *
 * Labelled together, a's 0.20 on the 25th would have been far above the 24th's values; each
 * window is labelled on its own.
 */
class DeriveLabelsServiceTest {
  private static final TaskName CTR = TaskName.of("ctr");
  private static final TaskName BOUNCE = TaskName.of("bounce");
  private final TimeWindow day24 = Windows.day("2016-06-24");
  private final TimeWindow day25 = Windows.day("2016-06-25");

  private final InMemoryEngagements engagements = new InMemoryEngagements();
  private final InMemoryLabels labels = spy(new InMemoryLabels());
  private final InMemoryTaskSets taskSets =
      new InMemoryTaskSets(
          TaskSet.of(
              aTask("ctr").withMinImpressions(100).build(),
              aTask("bounce").withMetric("bounce_rate").lowerIsBetter().withMinImpressions(0).build()));
  private final DeriveLabelsService service =
      new DeriveLabelsService(engagements, labels, taskSets, LabelDerivationPolicy.STANDARD);

  @BeforeEach
  void recordTheWorkedExample() {
    engagements.recordAll(
        List.of(
            record("a", day24, 1000, 0.01, 0.75),
            record("b", day24, 1000, 0.02, 0.50),
            record("c", day24, 1000, 0.03, 0.25),
            record("d", day24, 1000, 0.10, 0.50),
            anEngagementRecord().forResource("e").inWindow(day24).withImpressions(50)
                .withMetric("ctr", 0.50).build(),
            record("a", day25, 1000, 0.20, 0.25),
            record("b", day25, 1000, 0.30, 0.75),
            record("a", Windows.day("2016-06-26"), 1000, 0.99, 0.99)));
  }

  @Test
  void labelsEachRecordWithinItsOwnWindow() {
    service.derive(new DeriveLabelsCommand(Windows.between("2016-06-24", "2016-06-26")));

    assertThat(labels.inWindow(day24))
        .containsExactly(
            aLabelledResource().forResource("a").inWindow(day24).negative("ctr", "bounce").build(),
            aLabelledResource().forResource("b").inWindow(day24).negative("ctr").build(),
            aLabelledResource().forResource("c").inWindow(day24).negative("ctr").positive("bounce").build(),
            aLabelledResource().forResource("d").inWindow(day24).positive("ctr").build());
    assertThat(labels.inWindow(day25))
        .containsExactly(
            aLabelledResource().forResource("a").inWindow(day25).negative("ctr").positive("bounce").build(),
            aLabelledResource().forResource("b").inWindow(day25).positive("ctr").negative("bounce").build());
    assertThat(labels.windows()).containsExactly(day24, day25);
  }

  @Test
  void countsPositiveNegativeAndUnlabelledPerTaskAndSummarisesEachWindow() {
    DeriveLabelsResult result =
        service.derive(new DeriveLabelsCommand(Windows.between("2016-06-24", "2016-06-26")));

    assertThat(result.records()).isEqualTo(7);
    assertThat(result.labelledResources()).isEqualTo(6);
    assertThat(result.tasks()).containsExactly(
        Map.entry(CTR, new TaskLabelCounts(2, 4, 1)),
        Map.entry(BOUNCE, new TaskLabelCounts(2, 2, 3)));
    assertThat(result.windows()).extracting(LabellingSummary::window).containsExactly(day24, day25);
    LabellingSummary first = result.windows().get(0);
    assertThat(first.records()).isEqualTo(5);
    assertThat(first.labelledResources()).isEqualTo(4);
    assertThat(first.tasks().get(CTR).reference().getAsDouble()).isCloseTo(0.04, within(1e-12));
    // 0.04 lies above 3 of the 4 eligible values (0.01 0.02 0.03 0.10): degree 100 * 3 / 4
    assertThat(first.tasks().get(CTR).referenceDegree().getAsDouble()).isEqualTo(75.0);
    // bounce 0.5 ties with 2 of 0.25 0.50 0.50 0.75 (mid-rank 50), lower is better: 100 - 50
    assertThat(first.tasks().get(BOUNCE).referenceDegree().getAsDouble()).isEqualTo(50.0);
    assertThat(first.tasks().get(CTR).eligible()).isEqualTo(4);
    assertThat(first.tasks().get(BOUNCE).ties()).isEqualTo(2);
    assertThat(result.windows().get(1).tasks().get(CTR).reference().getAsDouble())
        .isCloseTo(0.25, within(1e-12));
  }

  @Test
  void streamsTheRangeOnceThenEachWindowOnceAndReplacesEachWindowOnce() {
    service.derive(new DeriveLabelsCommand(Windows.between("2016-06-24", "2016-06-26")));

    assertThat(engagements.forEachInPasses()).isEqualTo(1 + 2); // the range, then day 24, day 25
    verify(labels, times(1)).replaceWindow(eq(day24), any());
    verify(labels, times(1)).replaceWindow(eq(day25), any());
  }

  @Test
  void derivingAgainReplacesTheStoredLabelsOfTheWindow() {
    labels.replaceWindow(
        day24, List.of(aLabelledResource().forResource("stale").inWindow(day24).positive("ctr").build()));

    service.derive(new DeriveLabelsCommand(day24));

    assertThat(labels.inWindow(day24)).extracting(LabelledResource::resourceId)
        .extracting(Object::toString)
        .containsExactly("a", "b", "c", "d");
  }

  @Test
  void aRangeWithoutRecordsLabelsNothing() {
    DeriveLabelsResult result = service.derive(new DeriveLabelsCommand(Windows.day("2016-01-01")));

    assertThat(result.records()).isZero();
    assertThat(result.windows()).isEmpty();
    assertThat(result.tasks()).containsEntry(CTR, TaskLabelCounts.NONE);
    assertThat(labels.windows()).isEmpty();
  }

  private static EngagementRecord record(
      String id, TimeWindow window, long impressions, double ctr, double bounce) {
    return anEngagementRecord().forResource(id).inWindow(window).withImpressions(impressions)
        .withMetric("ctr", ctr).withMetric("bounce_rate", bounce).build();
  }
}
