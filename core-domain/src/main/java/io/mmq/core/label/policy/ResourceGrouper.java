package io.mmq.core.label.policy;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ResourceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Turns a resource-ordered stream of records into one record per resource for the labelling
 * window, holding only the current resource's records. A resource with several records inside the
 * window (e.g. one per day of a week) becomes one record: impressions summed (absent when any
 * record has none, i.e. reliable), each metric the impression-weighted mean over the records that
 * have it (the plain mean when one of them has no impressions or all have zero).
 */
final class ResourceGrouper implements Consumer<EngagementRecord> {
  private final TimeWindow window;
  private final Consumer<EngagementRecord> downstream;
  private final List<EngagementRecord> current = new ArrayList<>();
  private long records;
  private long resources;

  ResourceGrouper(TimeWindow window, Consumer<EngagementRecord> downstream) {
    this.window = window;
    this.downstream = downstream;
  }

  @Override
  public void accept(EngagementRecord record) {
    if (record == null) {
      throw new IllegalArgumentException("record " + records + " is null");
    }
    if (!window.encloses(record.window())) {
      throw new IllegalArgumentException(
          "record of resource '"
              + record.resourceId()
              + "' has window "
              + record.window()
              + " outside the labelling window "
              + window);
    }
    records++;
    if (!current.isEmpty()) {
      ResourceId previous = current.get(0).resourceId();
      int order = record.resourceId().compareTo(previous);
      if (order < 0) {
        throw new IllegalArgumentException(
            "records must be ordered by resource id: '"
                + record.resourceId()
                + "' came after '"
                + previous
                + "'");
      }
      if (order > 0) {
        flush();
      }
    }
    current.add(record);
  }

  /** Emits the last resource; call once after the stream ends. */
  void finish() {
    if (!current.isEmpty()) {
      flush();
    }
  }

  long records() {
    return records;
  }

  long resources() {
    return resources;
  }

  private void flush() {
    EngagementRecord merged = current.size() == 1 ? current.get(0) : merge(window, current);
    current.clear();
    resources++;
    downstream.accept(merged);
  }

  static EngagementRecord merge(TimeWindow window, List<EngagementRecord> group) {
    boolean allExposed = group.stream().allMatch(r -> r.impressions().isPresent());
    OptionalLong impressions = OptionalLong.empty();
    if (allExposed) {
      long total = 0;
      for (EngagementRecord record : group) {
        total = saturatedAdd(total, record.impressions().getAsLong());
      }
      impressions = OptionalLong.of(total);
    }
    TreeSet<String> keys = new TreeSet<>();
    group.forEach(record -> keys.addAll(record.metrics().keySet()));
    Map<String, Double> metrics = new HashMap<>();
    for (String key : keys) {
      metrics.put(key, mergedValue(group, key));
    }
    return new EngagementRecord(group.get(0).resourceId(), window, impressions, metrics);
  }

  /** Running (weighted) means, so that large values cannot overflow a sum. */
  private static double mergedValue(List<EngagementRecord> group, String key) {
    double weightedMean = 0;
    double weights = 0;
    double plainMean = 0;
    int count = 0;
    boolean weightable = true;
    for (EngagementRecord record : group) {
      Double value = record.metrics().get(key);
      if (value == null) {
        continue;
      }
      count++;
      plainMean += (value - plainMean) / count;
      if (record.impressions().isPresent()) {
        double weight = record.impressions().getAsLong();
        weights += weight;
        if (weight > 0) {
          weightedMean += (weight / weights) * (value - weightedMean);
        }
      } else {
        weightable = false;
      }
    }
    return weightable && weights > 0 ? weightedMean : plainMean;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
