package io.mmq.core.testing.fake;

import static io.mmq.core.testing.builder.EngagementRecordBuilder.anEngagementRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.common.StorageUnavailableException;
import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.testing.builder.Windows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEngagementsTest {
  private final InMemoryEngagements engagements = new InMemoryEngagements();

  @Test
  void recordingTheSameRecordTwiceChangesNothingAndANewValueReplacesTheOld() {
    EngagementRecord first = anEngagementRecord().forResource("a-1").withMetric("ctr", 0.1).build();
    assertThat(engagements.recordAll(List.of(first))).isEqualTo(1);
    assertThat(engagements.recordAll(List.of(first))).isZero();

    EngagementRecord changed =
        anEngagementRecord().forResource("a-1").withMetric("ctr", 0.2).build();
    assertThat(engagements.recordAll(List.of(changed))).isEqualTo(1);

    assertThat(engagements.count()).isEqualTo(1);
    assertThat(engagements.findByResource(ResourceId.of("a-1"))).containsExactly(changed);
  }

  @Test
  void streamsTheRecordsInsideTheWindowOrderedByResourceThenWindow() {
    engagements.recordAll(
        List.of(
            anEngagementRecord().forResource("b").onDay("2016-06-25").build(),
            anEngagementRecord().forResource("a").onDay("2016-06-26").build(),
            anEngagementRecord().forResource("b").onDay("2016-06-24").build(),
            anEngagementRecord().forResource("a").onDay("2016-06-24").build(),
            anEngagementRecord().forResource("a").onDay("2016-07-03").build(),
            anEngagementRecord().forResource("c").inWindow(Windows.days("2016-06-26", 3)).build()));

    List<String> seen = new ArrayList<>();
    engagements.forEachIn(
        Windows.between("2016-06-24", "2016-06-27"),
        record -> seen.add(record.resourceId() + "@" + record.window().start().toString().substring(0, 10)));

    assertThat(seen).containsExactly("a@2016-06-24", "a@2016-06-26", "b@2016-06-24", "b@2016-06-25");
    assertThat(engagements.forEachInPasses()).isEqualTo(1);
  }

  @Test
  void aFailedBatchStoresNoneOfItsRecords() {
    engagements.faults().failNextWrites(1);

    assertThatThrownBy(
            () ->
                engagements.recordAll(
                    List.of(
                        anEngagementRecord().forResource("a").build(),
                        anEngagementRecord().forResource("b").build())))
        .isInstanceOf(StorageUnavailableException.class);

    assertThat(engagements.count()).isZero();
  }

  @Test
  void theConsumerMayCallBackIntoTheStore() {
    engagements.recordAll(List.of(anEngagementRecord().forResource("a").build()));

    List<Integer> nested = new ArrayList<>();
    engagements.forEachIn(
        Windows.day("2016-06-24"),
        record -> nested.add(engagements.findByResource(record.resourceId()).size()));

    assertThat(nested).containsExactly(1);
  }
}
