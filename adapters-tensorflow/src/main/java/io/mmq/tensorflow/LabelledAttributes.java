package io.mmq.tensorflow;

import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.label.model.Label;
import io.mmq.core.task.model.TaskName;
import java.util.Map;
import java.util.Objects;

/** A training example after attribute extraction: the attributes and the labels it has. */
record LabelledAttributes(ResourceAttributes attributes, Map<TaskName, Label> labels) {
  LabelledAttributes {
    Objects.requireNonNull(attributes, "attributes is null");
    labels = Map.copyOf(Objects.requireNonNull(labels, "labels is null"));
  }

  /** A re-readable stream of labelled attributes, read from the start by every call. */
  @FunctionalInterface
  interface Source {
    void forEach(java.util.function.Consumer<LabelledAttributes> consumer);
  }
}
