package io.mmq.core.label.service;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.engagement.port.out.Engagements;
import io.mmq.core.label.model.Label;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.label.policy.LabelDerivationPolicy;
import io.mmq.core.label.policy.LabellingSummary;
import io.mmq.core.label.policy.MetricValues;
import io.mmq.core.label.policy.QualityLevels;
import io.mmq.core.label.policy.TaskLabeler;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.port.in.DeriveLabelsUseCase;
import io.mmq.core.label.port.in.TaskLabelCounts;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.out.TaskSets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Derives labels (R5) for the current task set, each engagement record within its own window (see
 * {@link DeriveLabelsUseCase}). Streaming passes over {@link Engagements#forEachIn}: the first, over
 * the whole range, collects each (record window, task)'s eligible values into primitive buffers and
 * fits one {@link TaskLabeler} per pair; then, one record window at a time, its records are
 * labelled against its own labelers and stored with {@link Labels#replaceWindow}. Memory holds the
 * fitted values (8 bytes a value) and one window's labelled resources, never the records. A record
 * whose window first appears after the first pass (recorded meanwhile) is left for the next
 * derivation.
 *
 * <p>With {@link DeriveLabelsCommand#levels()} the labelling pass also places each eligible value
 * at its quality level with the same labeler ({@link TaskLabeler#levelOf}) and counts the records
 * per level; the levels are reported in the summaries and the result, never stored (the stored
 * labels stay positive/negative). A dry run ({@link DeriveLabelsCommand#dryRun()}) makes the same
 * passes and reports the same figures but leaves {@link Labels} untouched, holding no labelled
 * resources.
 */
public final class DeriveLabelsService implements DeriveLabelsUseCase {
  private static final Comparator<TimeWindow> WINDOW_ORDER =
      Comparator.comparing(TimeWindow::start).thenComparing(TimeWindow::end);

  private final Engagements engagements;
  private final Labels labels;
  private final TaskSets taskSets;
  private final LabelDerivationPolicy policy;

  public DeriveLabelsService(
      Engagements engagements, Labels labels, TaskSets taskSets, LabelDerivationPolicy policy) {
    this.engagements = Objects.requireNonNull(engagements, "engagements is null");
    this.labels = Objects.requireNonNull(labels, "labels is null");
    this.taskSets = Objects.requireNonNull(taskSets, "taskSets is null");
    this.policy = Objects.requireNonNull(policy, "policy is null");
  }

  /** One record window's labelers, then its labelled resources and counts. */
  private static final class WindowState {
    final TaskLabeler[] labelers;
    final List<LabelledResource> labelled = new ArrayList<>();
    long labelledCount;
    final long[] eligible;
    final long[] positive;
    final long[] negative;
    /** Per task, the records at each level; zero levels when none were asked for. */
    final long[][] levelCounts;
    long records;

    WindowState(TaskLabeler[] labelers, int levels) {
      this.labelers = labelers;
      this.eligible = new long[labelers.length];
      this.positive = new long[labelers.length];
      this.negative = new long[labelers.length];
      this.levelCounts = new long[labelers.length][levels];
    }
  }

  @Override
  public DeriveLabelsResult derive(DeriveLabelsCommand command) {
    Objects.requireNonNull(command, "command is null");
    TimeWindow range = command.window();
    TaskSet taskSet = taskSets.current();
    List<Task> tasks = taskSet.tasks();
    Map<TimeWindow, WindowState> windows =
        fit(range, tasks, command.levels().map(QualityLevels::count).orElse(0));
    // Pass 2, one record window at a time, so that only that window's labels are held.
    windows.forEach(
        (window, state) -> {
          engagements.forEachIn(
              window,
              record -> {
                if (record.window().equals(window)) {
                  label(record, tasks, state, command);
                }
              });
          if (!command.dryRun()) {
            labels.replaceWindow(window, state.labelled);
            state.labelled.clear();
          }
        });
    return summarise(command, taskSet, windows);
  }

  /** Pass 1: per record window and task, the eligible values, fitted into labelers. */
  private Map<TimeWindow, WindowState> fit(TimeWindow range, List<Task> tasks, int levels) {
    Map<TimeWindow, MetricValues[]> values = new TreeMap<>(WINDOW_ORDER);
    engagements.forEachIn(
        range,
        record -> {
          MetricValues[] perTask =
              values.computeIfAbsent(record.window(), window -> newBuffers(tasks.size()));
          for (int i = 0; i < tasks.size(); i++) {
            policy.eligibleValue(tasks.get(i), record).ifPresent(perTask[i]::add);
          }
        });
    Map<TimeWindow, WindowState> windows = new TreeMap<>(WINDOW_ORDER);
    values.forEach(
        (window, perTask) -> {
          TaskLabeler[] labelers = new TaskLabeler[tasks.size()];
          for (int i = 0; i < tasks.size(); i++) {
            labelers[i] = policy.fit(tasks.get(i), perTask[i]);
            perTask[i] = null; // release the buffer once fitted
          }
          windows.put(window, new WindowState(labelers, levels));
        });
    return windows;
  }

  private static MetricValues[] newBuffers(int count) {
    MetricValues[] buffers = new MetricValues[count];
    for (int i = 0; i < count; i++) {
      buffers[i] = new MetricValues(16);
    }
    return buffers;
  }

  /**
   * Pass 2: labels one record against its own window's labelers (and places it at its levels);
   * keeps the labelled resource to store unless this is a dry run.
   */
  private void label(
      EngagementRecord record, List<Task> tasks, WindowState state, DeriveLabelsCommand command) {
    state.records++;
    Map<TaskName, Label> labels = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      OptionalDouble value = policy.eligibleValue(tasks.get(i), record);
      if (value.isEmpty()) {
        continue;
      }
      state.eligible[i]++;
      TaskLabeler labeler = state.labelers[i];
      if (command.levels().isPresent() && !labeler.isEmpty()) {
        state.levelCounts[i][labeler.levelOf(value.getAsDouble(), command.levels().get())]++;
      }
      Optional<Label> label = labeler.labelOf(value.getAsDouble());
      if (label.isPresent()) {
        labels.put(tasks.get(i).name(), label.get());
        if (label.get().isPositive()) {
          state.positive[i]++;
        } else {
          state.negative[i]++;
        }
      }
    }
    if (!labels.isEmpty()) {
      state.labelledCount++;
      if (!command.dryRun()) {
        state.labelled.add(new LabelledResource(record.resourceId(), record.window(), labels));
      }
    }
  }

  private DeriveLabelsResult summarise(
      DeriveLabelsCommand command, TaskSet taskSet, Map<TimeWindow, WindowState> windows) {
    List<Task> tasks = taskSet.tasks();
    TaskLabelCounts none =
        TaskLabelCounts.none(command.levels().map(QualityLevels::count).orElse(0));
    Map<TaskName, TaskLabelCounts> totals = new LinkedHashMap<>();
    tasks.forEach(task -> totals.put(task.name(), none));
    List<LabellingSummary> summaries = new ArrayList<>();
    long records = 0;
    long labelledResources = 0;
    for (Map.Entry<TimeWindow, WindowState> entry : windows.entrySet()) {
      WindowState state = entry.getValue();
      Map<TaskName, LabellingSummary.TaskCounts> counts = new LinkedHashMap<>();
      for (int i = 0; i < tasks.size(); i++) {
        TaskName name = tasks.get(i).name();
        List<Long> levelCounts = Arrays.stream(state.levelCounts[i]).boxed().toList();
        counts.put(
            name,
            new LabellingSummary.TaskCounts(
                state.labelers[i].reference(), state.labelers[i].referenceDegree(),
                state.eligible[i], state.positive[i], state.negative[i], levelCounts));
        long unlabelled = state.records - state.positive[i] - state.negative[i];
        totals.put(
            name,
            totals.get(name)
                .plus(
                    new TaskLabelCounts(
                        state.positive[i], state.negative[i], unlabelled, levelCounts)));
      }
      summaries.add(
          new LabellingSummary(
              entry.getKey(), state.records, state.records, state.labelledCount, counts));
      records += state.records;
      labelledResources += state.labelledCount;
    }
    return new DeriveLabelsResult(
        command.window(),
        records,
        labelledResources,
        totals,
        summaries,
        command.levels(),
        command.dryRun());
  }
}
