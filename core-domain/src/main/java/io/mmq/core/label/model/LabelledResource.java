package io.mmq.core.label.model;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.TaskName;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

  public boolean hasAnyLabel() {
    return !labels.isEmpty();
  }
}
