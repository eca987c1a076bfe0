package io.mmq.core.engagement.model;

import io.mmq.core.common.Checks;
import io.mmq.core.resource.model.ResourceId;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Engagement of one resource in one window (R4): impressions and metric values, e.g. {@code
 * ctr=0.031, dwell=41.5}. Absent impressions mean the values are reliable (no exposure filter).
 */
public record EngagementRecord(
    ResourceId resourceId, TimeWindow window, OptionalLong impressions, Map<String, Double> metrics) {

  public static final int MAX_METRICS = 64;

  public EngagementRecord {
    Objects.requireNonNull(resourceId, "resourceId is null");
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(impressions, "impressions is null");
    impressions.ifPresent(value -> Checks.requireNonNegative(value, "impressions"));
    metrics = Checks.finiteValues(metrics, "metrics");
    if (metrics.size() > MAX_METRICS) {
      throw new IllegalArgumentException(
          "metrics has " + metrics.size() + " entries; at most " + MAX_METRICS + " allowed");
    }
  }

  public OptionalDouble metric(String key) {
    Double value = metrics.get(key);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** Whether the record has enough exposure for a value to count, given a task's minimum. */
  public boolean isReliable(long minImpressions) {
    return impressions.isEmpty() || impressions.getAsLong() >= minImpressions;
  }
}
