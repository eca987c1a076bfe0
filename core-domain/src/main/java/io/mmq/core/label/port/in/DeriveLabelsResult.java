package io.mmq.core.label.port.in;

import io.mmq.core.common.Checks;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.policy.LabellingSummary;
import io.mmq.core.label.policy.QualityLevels;
import io.mmq.core.task.model.TaskName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a label derivation did: the requested range, the engagement records read, the resources
 * with at least one label (stored, unless a dry run), per task the positive / negative / unlabelled
 * counts over every record (in task-set order) and the level counts when levels were asked for,
 * one summary per record window that was labelled (oldest first), the levels asked for and whether
 * it was a dry run (nothing stored).
 */
public record DeriveLabelsResult(
    TimeWindow window,
    long records,
    long labelledResources,
    Map<TaskName, TaskLabelCounts> tasks,
    List<LabellingSummary> windows,
    Optional<QualityLevels> levels,
    boolean dryRun) {

  public DeriveLabelsResult {
    Objects.requireNonNull(window, "window is null");
    Checks.requireNonNegative(records, "records");
    Checks.requireNonNegative(labelledResources, "labelledResources");
    tasks =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(tasks, "tasks is null")));
    windows = List.copyOf(Objects.requireNonNull(windows, "windows is null"));
    Objects.requireNonNull(levels, "levels is null");
  }

  /** A derivation that stored its labels, without levels. */
  public DeriveLabelsResult(
      TimeWindow window,
      long records,
      long labelledResources,
      Map<TaskName, TaskLabelCounts> tasks,
      List<LabellingSummary> windows) {
    this(window, records, labelledResources, tasks, windows, Optional.empty(), false);
  }
}
