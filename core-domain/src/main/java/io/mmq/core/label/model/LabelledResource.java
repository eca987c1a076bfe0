package io.mmq.core.label.model;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.TaskName;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The labels derived for one resource from one window's engagement. Tasks with no label (too few
 * impressions, a tie with the reference, no metric) are absent.
 */
public record LabelledResource(ResourceId resourceId, TimeWindow window, Map<TaskName, Label> labels) {
  public LabelledResource {
    Objects.requireNonNull(resourceId, "resourceId is null");
    Objects.requireNonNull(window, "window is null");
    labels = Map.copyOf(Objects.requireNonNull(labels, "labels is null"));
  }

  public Optional<Label> label(TaskName task) {
    return Optional.ofNullable(labels.get(task));
  }

  /**
   * Checks a window's batch as {@code Labels.replaceWindow} takes it: every entry of that window,
   * no resource twice.
   *
   * @throws IllegalArgumentException naming the first offending entry
   */
  public static void requireWindowBatch(TimeWindow window, List<LabelledResource> labels) {
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(labels, "labels is null");
    Set<ResourceId> seen = new HashSet<>();
    for (int i = 0; i < labels.size(); i++) {
      LabelledResource label = Objects.requireNonNull(labels.get(i), "labels[" + i + "] is null");
      if (!label.window().equals(window)) {
        throw new IllegalArgumentException(
            "labels[" + i + "] belongs to window " + label.window() + ", not " + window);
      }
      if (!seen.add(label.resourceId())) {
        throw new IllegalArgumentException(
            "labels[" + i + "] names resource " + label.resourceId() + " twice in " + window);
      }
    }
  }

  public boolean hasAnyLabel() {
    return !labels.isEmpty();
  }
}
