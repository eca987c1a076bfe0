package io.mmq.core.training.model;

import io.mmq.core.label.model.Label;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.TaskName;
import java.util.Map;
import java.util.Objects;

/** A resource with its labels; tasks without a label are absent and masked in the loss. */
public record TrainingExample(Resource resource, Map<TaskName, Label> labels) {
  public TrainingExample {
    Objects.requireNonNull(resource, "resource is null");
    labels = Map.copyOf(Objects.requireNonNull(labels, "labels is null"));
  }
}
