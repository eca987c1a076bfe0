package io.mmq.core.testing.builder;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ResourceId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Builds an {@link EngagementRecord}: {@code anEngagementRecord().forResource("a-2")
 * .inWindow(Windows.day("2016-06-24")).withImpressions(5000).withMetric("ctr", 0.03).build()}.
 * Defaults: resource {@code a-1}, the day 2016-06-24, 5000 impressions, no metrics.
 */
public final class EngagementRecordBuilder {
  private String resourceId = "a-1";
  private TimeWindow window = Windows.day("2016-06-24");
  private OptionalLong impressions = OptionalLong.of(5_000);
  private final Map<String, Double> metrics = new LinkedHashMap<>();

  private EngagementRecordBuilder() {}

  public static EngagementRecordBuilder anEngagementRecord() {
    return new EngagementRecordBuilder();
  }

  public EngagementRecordBuilder forResource(String id) {
    this.resourceId = id;
    return this;
  }

  public EngagementRecordBuilder inWindow(TimeWindow newWindow) {
    this.window = newWindow;
    return this;
  }

  public EngagementRecordBuilder onDay(String isoDate) {
    this.window = Windows.day(isoDate);
    return this;
  }

  public EngagementRecordBuilder withImpressions(long count) {
    this.impressions = OptionalLong.of(count);
    return this;
  }

  /** No impressions: the values count as reliable. */
  public EngagementRecordBuilder withoutImpressions() {
    this.impressions = OptionalLong.empty();
    return this;
  }

  public EngagementRecordBuilder withMetric(String key, double value) {
    metrics.put(key, value);
    return this;
  }

  public EngagementRecord build() {
    return new EngagementRecord(ResourceId.of(resourceId), window, impressions, metrics);
  }
}
