package io.mmq.core.label.policy;

import io.mmq.core.common.Checks;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.task.model.TaskName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What label derivation did for one record window: records read, distinct resources, resources
 * with at least one label (the ones passed on), and per task the reference and label counts.
 */
public record LabellingSummary(
    TimeWindow window,
    long records,
    long resources,
    long labelledResources,
    Map<TaskName, TaskCounts> tasks) {

  public LabellingSummary {
    Objects.requireNonNull(window, "window is null");
    Checks.requireNonNegative(records, "records");
    Checks.requireNonNegative(resources, "resources");
    Checks.requireNonNegative(labelledResources, "labelledResources");
    // keeps the task set's order
    tasks = Collections.unmodifiableMap(
        new LinkedHashMap<>(Objects.requireNonNull(tasks, "tasks is null")));
  }

  /**
   * One task's figures: the reference value and its interaction degree (both empty when no
   * resource was eligible), eligible resources, positive and negative labels; {@code ties =
   * eligible - positive - negative} and the other resources had too few impressions or no value.
   * When quality levels were asked for, {@code levelCounts.get(k)} is the number of eligible
   * resources at level {@code k} ({@link QualityLevels}: 0 the worst), from the same values and
   * labeler as the labels; empty otherwise. Levels are reported, not stored.
   */
  public record TaskCounts(
      OptionalDouble reference,
      OptionalDouble referenceDegree,
      long eligible,
      long positive,
      long negative,
      List<Long> levelCounts) {
    public TaskCounts {
      Objects.requireNonNull(reference, "reference is null");
      Objects.requireNonNull(referenceDegree, "referenceDegree is null");
      if (reference.isPresent() != referenceDegree.isPresent()) {
        throw new IllegalArgumentException("a reference value goes with its degree");
      }
      Checks.requireNonNegative(eligible, "eligible");
      Checks.requireNonNegative(positive, "positive");
      Checks.requireNonNegative(negative, "negative");
      if (positive + negative > eligible) {
        throw new IllegalArgumentException(
            "positive (" + positive + ") + negative (" + negative + ") exceed eligible "
                + eligible);
      }
      levelCounts = List.copyOf(Objects.requireNonNull(levelCounts, "levelCounts is null"));
      long levelled = 0;
      for (long count : levelCounts) {
        levelled += Checks.requireNonNegative(count, "levelCounts");
      }
      if (levelled > eligible) {
        throw new IllegalArgumentException(
            "level counts (" + levelled + ") exceed eligible " + eligible);
      }
    }

    /** Figures without levels. */
    public TaskCounts(
        OptionalDouble reference,
        OptionalDouble referenceDegree,
        long eligible,
        long positive,
        long negative) {
      this(reference, referenceDegree, eligible, positive, negative, List.of());
    }

    public long ties() {
      return eligible - positive - negative;
    }
  }
}
