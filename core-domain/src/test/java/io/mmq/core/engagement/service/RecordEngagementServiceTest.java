package io.mmq.core.engagement.service;

import static io.mmq.core.testing.builder.EngagementRecordBuilder.anEngagementRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.engagement.port.in.RecordEngagementCommand;
import io.mmq.core.engagement.port.in.RecordEngagementResult;
import io.mmq.core.testing.fake.InMemoryEngagements;
import org.junit.jupiter.api.Test;

class RecordEngagementServiceTest {
  private final InMemoryEngagements engagements = new InMemoryEngagements();
  private final RecordEngagementService service = new RecordEngagementService(engagements);

  @Test
  void countsNewChangedAndUnchangedRecords() {
    RecordEngagementCommand first =
        RecordEngagementCommand.of(
            anEngagementRecord().forResource("a").withMetric("ctr", 0.1).build(),
            anEngagementRecord().forResource("b").withMetric("ctr", 0.2).build());
    assertThat(service.record(first)).isEqualTo(new RecordEngagementResult(2, 2));

    RecordEngagementResult again =
        service.record(
            RecordEngagementCommand.of(
                anEngagementRecord().forResource("a").withMetric("ctr", 0.1).build(),
                anEngagementRecord().forResource("b").withMetric("ctr", 0.3).build()));

    assertThat(again.stored()).isEqualTo(1);
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(engagements.count()).isEqualTo(2);
  }

  @Test
  void aResourceTwiceInTheSameWindowIsRejected() {
    assertThatThrownBy(
            () -> RecordEngagementCommand.of(
                anEngagementRecord().forResource("a").build(),
                anEngagementRecord().forResource("a").withImpressions(9).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("records[1]");
  }
}
