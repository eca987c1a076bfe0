package io.mmq.core.label.port.in;

import io.mmq.core.common.Checks;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.policy.LabellingSummary;
import io.mmq.core.task.model.TaskName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a label derivation did: the requested range, the engagement records read, the resources
 * stored with at least one label, per task the positive / negative / unlabelled counts over every
 * record (in task-set order), and one summary per record window that was labelled (oldest first).
 */
public record DeriveLabelsResult(
    TimeWindow window,
    long records,
    long labelledResources,
    Map<TaskName, TaskLabelCounts> tasks,
    List<LabellingSummary> windows) {

  public DeriveLabelsResult {
    Objects.requireNonNull(window, "window is null");
    Checks.requireNonNegative(records, "records");
    Checks.requireNonNegative(labelledResources, "labelledResources");
    tasks =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(tasks, "tasks is null")));
    windows = List.copyOf(Objects.requireNonNull(windows, "windows is null"));
  }
}
