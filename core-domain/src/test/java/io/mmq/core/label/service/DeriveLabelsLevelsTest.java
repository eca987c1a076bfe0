package io.mmq.core.label.service;

import static io.mmq.core.testing.builder.EngagementRecordBuilder.anEngagementRecord;
import static io.mmq.core.testing.builder.LabelledResourceBuilder.aLabelledResource;
import static io.mmq.core.testing.builder.TaskBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.label.policy.LabelDerivationPolicy;
import io.mmq.core.label.policy.LabellingSummary;
import io.mmq.core.label.policy.QualityLevels;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.port.in.TaskLabelCounts;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.testing.builder.Windows;
import io.mmq.core.testing.fake.InMemoryEngagements;
import io.mmq.core.testing.fake.InMemoryLabels;
import io.mmq.core.testing.fake.InMemoryTaskSets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The K-level option of R5 and dry runs. Task ctr (higher is better, at least 100 impressions).
 *
 * <pre>
 * 2016-06-24  r1..r9: ctr 1..9, r10: ctr 100 (1000 impressions each); u: ctr 50, 50 impressions
 *   mean 14.5 lies above nine of the ten values: reference degree 100 * 9 / 10 = 90
 *   degrees 5, 15, .., 95; spread sqrt((2 * (45^2 + 35^2 + 25^2 + 15^2 + 5^2)) / 10) = 28.72
 *   z = (degree - 90) / 28.72: r10 +0.17, r9 -0.17, r8 -0.52, r7 -0.87 .. r1 -2.96
 *   K = 3, width 1: cuts -0.5 and +0.5 -> r1..r8 level 0, r9 r10 level 1, none level 2
 *   binary: r10 POSITIVE, r1..r9 NEGATIVE, u unlabelled (and at no level)
 * 2016-06-25  s1..s5: ctr 1..5: mean 3, degrees 10..90, reference 50, spread 28.28
 *   z = -1.41, -0.71, 0, 0.71, 1.41 -> levels 0, 0, 1, 2, 2
 * </pre>
 */
class DeriveLabelsLevelsTest {
  private static final TaskName CTR = TaskName.of("ctr");
  private final TimeWindow day24 = Windows.day("2016-06-24");
  private final TimeWindow day25 = Windows.day("2016-06-25");
  private final TimeWindow both = Windows.between("2016-06-24", "2016-06-26");

  private final InMemoryEngagements engagements = new InMemoryEngagements();
  private final InMemoryLabels labels = spy(new InMemoryLabels());
  private final DeriveLabelsService service =
      new DeriveLabelsService(
          engagements,
          labels,
          new InMemoryTaskSets(TaskSet.of(aTask("ctr").withMinImpressions(100).build())),
          LabelDerivationPolicy.STANDARD);

  @BeforeEach
  void recordTheExample() {
    List<EngagementRecord> records = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      records.add(record("r" + i, day24, 1000, i == 10 ? 100 : i));
    }
    records.add(record("u", day24, 50, 50));
    for (int i = 1; i <= 5; i++) {
      records.add(record("s" + i, day25, 1000, i));
    }
    engagements.recordAll(records);
  }

  @Test
  void countsTheRecordsAtEachLevelPerWindowAndOverTheRange() {
    DeriveLabelsResult result =
        service.derive(new DeriveLabelsCommand(both).withLevels(QualityLevels.THREE));

    LabellingSummary.TaskCounts first = result.windows().get(0).tasks().get(CTR);
    assertThat(first.referenceDegree()).hasValue(90.0);
    assertThat(first.levelCounts()).containsExactly(8L, 2L, 0L);
    assertThat(first.eligible()).isEqualTo(10);
    assertThat(first.positive()).isEqualTo(1);
    assertThat(first.negative()).isEqualTo(9);
    assertThat(result.windows().get(1).tasks().get(CTR).levelCounts()).containsExactly(2L, 1L, 2L);
    assertThat(result.tasks().get(CTR)).isEqualTo(new TaskLabelCounts(3, 11, 2, List.of(10L, 3L, 2L)));
    assertThat(result.levels()).contains(QualityLevels.THREE);
    assertThat(result.dryRun()).isFalse();
  }

  @Test
  void theWidthMovesTheCutPoints() {
    // width 0.25: cuts -0.125, +0.125 -> day 24: r9 (-0.17) drops to level 0, r10 (+0.17) rises
    DeriveLabelsResult result =
        service.derive(new DeriveLabelsCommand(day24).withLevels(QualityLevels.of(3, 0.25)));

    assertThat(result.windows().get(0).tasks().get(CTR).levelCounts()).containsExactly(9L, 0L, 1L);
  }

  @Test
  void levelsAreReportedNotStored() {
    service.derive(new DeriveLabelsCommand(both));
    List<LabelledResource> binary = labels.inWindow(day24);

    service.derive(new DeriveLabelsCommand(both).withLevels(QualityLevels.of(5)));

    assertThat(labels.inWindow(day24)).isEqualTo(binary);
    assertThat(labels.inWindow(day24)).contains(
        aLabelledResource().forResource("r10").inWindow(day24).positive("ctr").build());
  }

  @Test
  void withoutLevelsNoLevelIsCounted() {
    DeriveLabelsResult result = service.derive(new DeriveLabelsCommand(both));

    assertThat(result.tasks().get(CTR)).isEqualTo(new TaskLabelCounts(3, 11, 2));
    assertThat(result.tasks().get(CTR).levelCounts()).isEmpty();
    assertThat(result.windows().get(0).tasks().get(CTR).levelCounts()).isEmpty();
    assertThat(result.levels()).isEmpty();
  }

  @Test
  void aRangeWithoutRecordsCountsZeroAtEveryLevel() {
    DeriveLabelsResult result =
        service.derive(
            new DeriveLabelsCommand(Windows.day("2016-01-01")).withLevels(QualityLevels.of(4)));

    assertThat(result.tasks().get(CTR).levelCounts()).containsExactly(0L, 0L, 0L, 0L);
  }

  @Test
  void aDryRunReportsWhatARealRunDoesAndStoresNothing() {
    List<LabelledResource> stale =
        List.of(aLabelledResource().forResource("old").inWindow(day24).positive("ctr").build());
    labels.replaceWindow(day24, stale);
    clearInvocations(labels);
    DeriveLabelsCommand command = new DeriveLabelsCommand(both).withLevels(QualityLevels.THREE);

    DeriveLabelsResult dry = service.derive(command.withDryRun(true));

    assertThat(labels.windows()).containsExactly(day24);
    assertThat(labels.inWindow(day24)).isEqualTo(stale);
    verify(labels, never()).replaceWindow(any(), any());
    assertThat(dry.dryRun()).isTrue();
    DeriveLabelsResult real = service.derive(command);
    assertThat(dry.records()).isEqualTo(real.records()).isEqualTo(16);
    assertThat(dry.labelledResources()).isEqualTo(real.labelledResources()).isEqualTo(14);
    assertThat(dry.tasks()).isEqualTo(real.tasks());
    assertThat(dry.windows()).isEqualTo(real.windows());
    assertThat(labels.windows()).containsExactly(day24, day25);
  }

  @Test
  void levelCountsAddLevelByLevel() {
    TaskLabelCounts a = new TaskLabelCounts(1, 2, 0, List.of(1L, 2L));
    TaskLabelCounts b = new TaskLabelCounts(1, 0, 1, List.of(0L, 1L));

    assertThat(a.plus(b)).isEqualTo(new TaskLabelCounts(2, 2, 1, List.of(1L, 3L)));
    assertThat(TaskLabelCounts.NONE.plus(a)).isEqualTo(a);
    assertThatThrownBy(() -> a.plus(TaskLabelCounts.none(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 and 3 levels");
  }

  private static EngagementRecord record(
      String id, TimeWindow window, long impressions, double ctr) {
    return anEngagementRecord().forResource(id).inWindow(window).withImpressions(impressions)
        .withMetric("ctr", ctr).build();
  }
}
