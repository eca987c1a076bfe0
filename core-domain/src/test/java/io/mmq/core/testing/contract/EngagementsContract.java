package io.mmq.core.testing.contract;

import static io.mmq.core.testing.builder.EngagementRecordBuilder.anEngagementRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.engagement.port.out.Engagements;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.testing.builder.Windows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Engagements}, run against every implementation: one record per resource
 * and window, atomic idempotent batches that count what changed, streams of the records inside a
 * window ordered by resource id then window.
 */
public abstract class EngagementsContract {
  private Engagements engagements;

  /** A new, empty repository. Called before each test. */
  protected abstract Engagements newEngagements();

  @BeforeEach
  void createRepository() {
    engagements = newEngagements();
  }

  private static EngagementRecord record(String resource, String day, double ctr) {
    return anEngagementRecord().forResource(resource).onDay(day).withMetric("ctr", ctr).build();
  }

  private List<EngagementRecord> streamed(TimeWindow window) {
    List<EngagementRecord> seen = new ArrayList<>();
    engagements.forEachIn(window, seen::add);
    return seen;
  }

  @Test
  void anEmptyRepositoryHoldsNothing() {
    assertThat(engagements.count()).isZero();
    assertThat(engagements.findByResource(ResourceId.of("a-1"))).isEmpty();
    assertThat(streamed(Windows.day("2016-06-24"))).isEmpty();
  }

  @Test
  void storesRecordsAndReadsThemBackEqualInWindowOrder() {
    EngagementRecord later = record("a-1", "2016-06-25", 0.02);
    EngagementRecord earlier = record("a-1", "2016-06-24", 0.03);
    EngagementRecord other = record("a-2", "2016-06-24", 0.01);

    int changed = engagements.recordAll(List.of(later, earlier, other));

    assertThat(changed).isEqualTo(3);
    assertThat(engagements.count()).isEqualTo(3);
    assertThat(engagements.findByResource(ResourceId.of("a-1"))).containsExactly(earlier, later);
  }

  @Test
  void valuesRoundTripExactly() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("ctr", 0.1 + 0.2);
    metrics.put("negative_zero", -0.0);
    metrics.put("tiny", Double.MIN_VALUE);
    metrics.put("huge", -Double.MAX_VALUE);
    metrics.put("odd \"key\" \\ = , ü \u0000", 1e-300);
    TimeWindow precise =
        TimeWindow.of(
            Instant.parse("2016-06-24T00:00:00.000000001Z"),
            Instant.parse("2016-06-24T23:59:59.999999999Z"));
    EngagementRecord withAll =
        new EngagementRecord(
            ResourceId.of("a-1"), precise, OptionalLong.of(Long.MAX_VALUE), metrics);
    EngagementRecord without =
        new EngagementRecord(ResourceId.of("a-2"), precise, OptionalLong.empty(), Map.of());

    engagements.recordAll(List.of(withAll, without));

    assertThat(engagements.findByResource(ResourceId.of("a-1"))).containsExactly(withAll);
    assertThat(engagements.findByResource(ResourceId.of("a-2"))).containsExactly(without);
  }

  @Test
  void recordingTheSameRecordsAgainChangesNothing() {
    List<EngagementRecord> batch =
        List.of(record("a-1", "2016-06-24", 0.03), record("a-2", "2016-06-24", 0.01));
    engagements.recordAll(batch);

    assertThat(engagements.recordAll(batch)).isZero();
    assertThat(engagements.count()).isEqualTo(2);
  }

  @Test
  void metricsInAnotherOrderAreTheSameRecord() {
    engagements.recordAll(
        List.of(anEngagementRecord().withMetric("ctr", 0.03).withMetric("dwell", 41.5).build()));

    int changed =
        engagements.recordAll(
            List.of(
                anEngagementRecord().withMetric("dwell", 41.5).withMetric("ctr", 0.03).build()));

    assertThat(changed).isZero();
  }

  @Test
  void aChangedValueOrImpressionsReplacesTheStoredRecord() {
    engagements.recordAll(
        List.of(record("a-1", "2016-06-24", 0.03), record("a-2", "2016-06-24", 0.01)));
    EngagementRecord newCtr = record("a-1", "2016-06-24", 0.04);
    EngagementRecord noImpressions =
        anEngagementRecord()
            .forResource("a-2")
            .onDay("2016-06-24")
            .withoutImpressions()
            .withMetric("ctr", 0.01)
            .build();

    int changed = engagements.recordAll(List.of(newCtr, noImpressions));

    assertThat(changed).isEqualTo(2);
    assertThat(engagements.count()).isEqualTo(2);
    assertThat(engagements.findByResource(ResourceId.of("a-1"))).containsExactly(newCtr);
    assertThat(engagements.findByResource(ResourceId.of("a-2"))).containsExactly(noImpressions);
  }

  @Test
  void aRecordRepeatedInOneBatchCountsOnceWhenEqualAndTwiceWhenChanged() {
    EngagementRecord first = record("a-1", "2016-06-24", 0.03);
    EngagementRecord changed = record("a-1", "2016-06-24", 0.05);

    assertThat(engagements.recordAll(List.of(first, first))).isEqualTo(1);
    assertThat(engagements.recordAll(List.of(changed, first))).isEqualTo(2);
    assertThat(engagements.findByResource(ResourceId.of("a-1"))).containsExactly(first);
  }

  @Test
  void aBatchWithANullEntryStoresNothing() {
    List<EngagementRecord> batch = new ArrayList<>(List.of(record("a-1", "2016-06-24", 0.03)));
    batch.add(null);

    assertThatThrownBy(() -> engagements.recordAll(batch))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("records[1]");
    assertThat(engagements.count()).isZero();
  }

  @Test
  void streamsOnlyRecordsWhoseWindowLiesInsideOrderedByResourceThenWindow() {
    EngagementRecord b24 = record("b", "2016-06-24", 0.2);
    EngagementRecord a25 = record("a", "2016-06-25", 0.1);
    EngagementRecord a24 = record("a", "2016-06-24", 0.3);
    EngagementRecord c25 = record("c", "2016-06-25", 0.4);
    EngagementRecord before = record("a", "2016-06-23", 0.5);
    EngagementRecord after = record("b", "2016-06-26", 0.6);
    EngagementRecord overlapping =
        anEngagementRecord()
            .forResource("a")
            .inWindow(Windows.between("2016-06-20", "2016-06-27"))
            .withMetric("ctr", 0.7)
            .build();
    engagements.recordAll(List.of(b24, a25, a24, c25, before, after, overlapping));

    List<EngagementRecord> seen = streamed(Windows.between("2016-06-24", "2016-06-26"));

    assertThat(seen).containsExactly(a24, a25, b24, c25);
  }

  @Test
  void aWindowWithoutBoundsStreamsEverything() {
    engagements.recordAll(List.of(record("b", "1970-01-01", 0.2), record("a", "2200-06-24", 0.1)));

    List<EngagementRecord> seen = streamed(TimeWindow.of(Instant.MIN, Instant.MAX));

    assertThat(seen).extracting(record -> record.resourceId().value()).containsExactly("a", "b");
  }

  @Test
  void streamsLargeWindowsWholeAndInOrder() {
    List<EngagementRecord> batch = new ArrayList<>();
    for (int i = 2_499; i >= 0; i--) {
      batch.add(record(String.format("r-%05d", i), "2016-06-24", i / 10_000.0));
    }

    assertThat(engagements.recordAll(batch)).isEqualTo(2_500);
    List<EngagementRecord> seen = streamed(Windows.day("2016-06-24"));

    assertThat(seen).hasSize(2_500);
    assertThat(seen.get(0).resourceId().value()).isEqualTo("r-00000");
    assertThat(seen.get(2_499).metric("ctr").getAsDouble()).isEqualTo(0.2499);
    assertThat(seen).isSortedAccordingTo((x, y) -> x.resourceId().compareTo(y.resourceId()));
  }

  @Test
  void anExceptionFromTheConsumerEndsTheStreamAndLeavesTheRepositoryUsable() {
    engagements.recordAll(
        List.of(record("a-1", "2016-06-24", 0.03), record("a-2", "2016-06-24", 0.01)));
    IllegalStateException stop = new IllegalStateException("stop");

    for (int i = 0; i < 25; i++) {
      assertThatThrownBy(
              () ->
                  engagements.forEachIn(
                      Windows.day("2016-06-24"),
                      record -> {
                        throw stop;
                      }))
          .isSameAs(stop);
    }

    assertThat(engagements.count()).isEqualTo(2);
  }

  @Test
  void theConsumerMayCallBackIntoTheRepository() {
    engagements.recordAll(
        List.of(record("a-1", "2016-06-24", 0.03), record("a-1", "2016-06-25", 0.01)));
    List<Integer> historySizes = new ArrayList<>();

    engagements.forEachIn(
        Windows.day("2016-06-24"),
        record -> historySizes.add(engagements.findByResource(record.resourceId()).size()));

    assertThat(historySizes).containsExactly(2);
  }
}
