package io.mmq.core.training.service;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.Label;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.training.model.ExampleSource;
import io.mmq.core.training.model.TrainingExample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The training examples of a range: the labelled resources stored for the windows inside it,
 * joined with the catalogue, a batch of {@value #BATCH} at a time, so that a pass never holds more
 * than one batch. Only the labels of the given tasks are kept; resources left with no label, not
 * in the catalogue, or rejected by the filter are skipped. Every pass reads the ports again, in the
 * order {@link Labels#forEachIn} gives.
 */
public final class LabelledExamples implements ExampleSource {
  static final int BATCH = 256;

  private final Labels labels;
  private final Resources resources;
  private final TimeWindow range;
  private final Set<TaskName> tasks;
  private final Predicate<LabelledResource> filter;

  public LabelledExamples(
      Labels labels,
      Resources resources,
      TimeWindow range,
      TaskSet tasks,
      Predicate<LabelledResource> filter) {
    this.labels = Objects.requireNonNull(labels, "labels is null");
    this.resources = Objects.requireNonNull(resources, "resources is null");
    this.range = Objects.requireNonNull(range, "range is null");
    this.tasks = Set.copyOf(Objects.requireNonNull(tasks, "tasks is null").names());
    this.filter = Objects.requireNonNull(filter, "filter is null");
  }

  /** The examples of resources the split keeps (not held out). */
  public static LabelledExamples kept(
      Labels labels, Resources resources, TimeWindow range, TaskSet tasks, HoldoutSplit split) {
    return new LabelledExamples(
        labels, resources, range, tasks, labelled -> !split.isHeldOut(labelled.resourceId()));
  }

  /** The examples of resources the split holds out. */
  public static LabelledExamples heldOut(
      Labels labels, Resources resources, TimeWindow range, TaskSet tasks, HoldoutSplit split) {
    return new LabelledExamples(
        labels, resources, range, tasks, labelled -> split.isHeldOut(labelled.resourceId()));
  }

  /** One source after the other. */
  public static ExampleSource concat(ExampleSource first, ExampleSource second) {
    Objects.requireNonNull(first, "first is null");
    Objects.requireNonNull(second, "second is null");
    return consumer -> {
      first.forEach(consumer);
      second.forEach(consumer);
    };
  }

  @Override
  public void forEach(Consumer<TrainingExample> consumer) {
    Objects.requireNonNull(consumer, "consumer is null");
    List<LabelledResource> batch = new ArrayList<>(BATCH);
    labels.forEachIn(
        range,
        labelled -> {
          LabelledResource restricted = restrict(labelled);
          if (restricted.hasAnyLabel() && filter.test(restricted)) {
            batch.add(restricted);
            if (batch.size() == BATCH) {
              flush(batch, consumer);
            }
          }
        });
    flush(batch, consumer);
  }

  private LabelledResource restrict(LabelledResource labelled) {
    if (tasks.containsAll(labelled.labels().keySet())) {
      return labelled;
    }
    Map<TaskName, Label> kept = new HashMap<>();
    labelled.labels().forEach(
        (task, label) -> {
          if (tasks.contains(task)) {
            kept.put(task, label);
          }
        });
    return new LabelledResource(labelled.resourceId(), labelled.window(), kept);
  }

  private void flush(List<LabelledResource> batch, Consumer<TrainingExample> consumer) {
    if (batch.isEmpty()) {
      return;
    }
    Map<ResourceId, Resource> found = new HashMap<>();
    for (Resource resource : resources.findAll(batch.stream().map(LabelledResource::resourceId).toList())) {
      found.put(resource.id(), resource);
    }
    List<LabelledResource> pending = List.copyOf(batch);
    batch.clear();
    for (LabelledResource labelled : pending) {
      Resource resource = found.get(labelled.resourceId());
      if (resource != null) {
        consumer.accept(new TrainingExample(resource, labelled.labels()));
      }
    }
  }
}
