package io.mmq.core.label.policy;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.Label;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Labels one window's resources for every task of a {@link TaskSet} (R5) in two passes over the
 * window's records, in bounded memory: pass 1 collects each task's eligible values (8 bytes a
 * value), pass 2 labels each resource against its own window's labelers. A window is labelled only
 * from its own records: labelling a training and a validation window means two calls.
 *
 * <p>The records must lie inside the window and come ordered by resource id (as {@code
 * Engagements.forEachIn} streams them); several records of one resource inside the window (one a
 * day, say) count as one: impressions summed, metrics impression-weighted (see {@code
 * ResourceGrouper}). Only resources with at least one label are passed on.
 *
 * <pre>{@code
 * WindowLabeller labeller = new WindowLabeller(taskSets.current());
 * List<LabelledResource> out = new ArrayList<>();
 * LabellingSummary summary =
 *     labeller.label(window, consumer -> engagements.forEachIn(window, consumer), out::add);
 * labels.replaceWindow(window, out);
 * }</pre>
 */
public final class WindowLabeller {
  private final TaskSet tasks;
  private final LabelDerivationPolicy policy;

  public WindowLabeller(TaskSet tasks) {
    this(tasks, LabelDerivationPolicy.STANDARD);
  }

  public WindowLabeller(TaskSet tasks, LabelDerivationPolicy policy) {
    this.tasks = Objects.requireNonNull(tasks, "tasks is null");
    this.policy = Objects.requireNonNull(policy, "policy is null");
  }

  /**
   * Pass 1 alone: each task's labeler for the window, in task-set order (for {@link
   * QualityLevels} or to inspect the references).
   */
  public Map<TaskName, TaskLabeler> fit(TimeWindow window, RecordSource records) {
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(records, "records is null");
    List<Task> list = tasks.tasks();
    List<MetricValues> values = new ArrayList<>(list.size());
    list.forEach(task -> values.add(new MetricValues()));
    ResourceGrouper grouper =
        new ResourceGrouper(
            window,
            record -> {
              for (int i = 0; i < list.size(); i++) {
                policy.eligibleValue(list.get(i), record).ifPresent(values.get(i)::add);
              }
            });
    records.forEach(grouper);
    grouper.finish();
    Map<TaskName, TaskLabeler> labelers = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      labelers.put(list.get(i).name(), policy.fit(list.get(i), values.get(i)));
      values.set(i, null); // release the buffer before fitting the next task
    }
    return Collections.unmodifiableMap(labelers);
  }

  /**
   * Both passes: passes every resource with at least one label to {@code sink}, in resource-id
   * order, and returns the figures.
   *
   * @throws IllegalArgumentException when a record lies outside the window or the records are not
   *     ordered by resource id
   * @throws IllegalStateException when the second pass does not see the resources of the first
   */
  public LabellingSummary label(
      TimeWindow window, RecordSource records, Consumer<LabelledResource> sink) {
    Objects.requireNonNull(sink, "sink is null");
    Map<TaskName, TaskLabeler> labelers = fit(window, records);
    List<Task> list = tasks.tasks();
    long[] eligible = new long[list.size()];
    long[] positive = new long[list.size()];
    long[] negative = new long[list.size()];
    long[] labelled = new long[1];
    ResourceGrouper grouper =
        new ResourceGrouper(
            window,
            record -> {
              Map<TaskName, Label> labels = new HashMap<>();
              for (int i = 0; i < list.size(); i++) {
                Task task = list.get(i);
                OptionalDouble value = policy.eligibleValue(task, record);
                if (value.isEmpty()) {
                  continue;
                }
                eligible[i]++;
                Optional<Label> label = labelers.get(task.name()).labelOf(value.getAsDouble());
                if (label.isPresent()) {
                  labels.put(task.name(), label.get());
                  if (label.get().isPositive()) {
                    positive[i]++;
                  } else {
                    negative[i]++;
                  }
                }
              }
              if (!labels.isEmpty()) {
                labelled[0]++;
                sink.accept(new LabelledResource(record.resourceId(), window, labels));
              }
            });
    records.forEach(grouper);
    grouper.finish();
    Map<TaskName, LabellingSummary.TaskCounts> counts = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      TaskLabeler labeler = labelers.get(list.get(i).name());
      if (eligible[i] != labeler.size()) {
        throw new IllegalStateException(
            "the records changed between the two passes: task '"
                + list.get(i).name()
                + "' had "
                + labeler.size()
                + " eligible values, then "
                + eligible[i]);
      }
      counts.put(
          list.get(i).name(),
          new LabellingSummary.TaskCounts(
              labeler.reference(), eligible[i], positive[i], negative[i]));
    }
    return new LabellingSummary(
        window, grouper.records(), grouper.resources(), labelled[0], counts);
  }

  /** Both passes over an in-memory list; returns the labelled resources in resource-id order. */
  public List<LabelledResource> labelAll(TimeWindow window, Iterable<EngagementRecord> records) {
    Objects.requireNonNull(records, "records is null");
    List<LabelledResource> out = new ArrayList<>();
    label(window, records::forEach, out::add);
    return List.copyOf(out);
  }
}
