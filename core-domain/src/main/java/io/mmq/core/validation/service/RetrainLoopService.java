package io.mmq.core.validation.service;

import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.model.ValidationRun;
import io.mmq.core.validation.port.in.CheckRetrainScheduleUseCase;
import io.mmq.core.validation.port.in.RetrainCycleOutcome;
import io.mmq.core.validation.port.in.RetrainScheduleStatus;
import io.mmq.core.validation.port.in.RunRetrainCycleUseCase;
import io.mmq.core.validation.port.in.ValidateModelCommand;
import io.mmq.core.validation.port.in.ValidateModelUseCase;
import io.mmq.core.validation.port.out.ValidationRuns;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The retraining loop's turn (see {@link RunRetrainCycleUseCase}): asks the schedule whether a
 * validation is due, picks the newest labelled window (latest end, then latest start) and runs
 * {@link ValidateModelUseCase} on it with update. The seed is the window's start in epoch seconds,
 * so a turn on the same data is repeatable; the trainer's own defaults are the hyperparameters
 * unless some are given.
 *
 * <p>A due turn is skipped (nothing recorded) when no model is active, no window has labels, the
 * newest window has no labelled resource the model can be judged on, or the latest run already
 * settled the active model on that window (KEEP, PROMOTED or REJECTED for it, or it is the
 * candidate promoted there): validating again on the same data would only repeat the same figures,
 * or fine-tune again on them. A run left at UPDATE (its fine-tuning failed or was cancelled) settles
 * nothing, so the next due turn tries again. The schedule counts from the latest recorded run,
 * whatever its decision.
 */
public final class RetrainLoopService implements RunRetrainCycleUseCase {
  private static final Comparator<TimeWindow> NEWEST_LAST =
      Comparator.comparing(TimeWindow::end).thenComparing(TimeWindow::start);

  private final CheckRetrainScheduleUseCase schedule;
  private final ValidateModelUseCase validation;
  private final Labels labels;
  private final ValidationRuns runs;
  private final Map<String, String> hyperparameters;

  public RetrainLoopService(
      CheckRetrainScheduleUseCase schedule,
      ValidateModelUseCase validation,
      Labels labels,
      ValidationRuns runs,
      Map<String, String> hyperparameters) {
    this.schedule = Objects.requireNonNull(schedule, "schedule is null");
    this.validation = Objects.requireNonNull(validation, "validation is null");
    this.labels = Objects.requireNonNull(labels, "labels is null");
    this.runs = Objects.requireNonNull(runs, "runs is null");
    this.hyperparameters =
        Map.copyOf(Objects.requireNonNull(hyperparameters, "hyperparameters is null"));
  }

  public RetrainLoopService(
      CheckRetrainScheduleUseCase schedule,
      ValidateModelUseCase validation,
      Labels labels,
      ValidationRuns runs) {
    this(schedule, validation, labels, runs, Map.of());
  }

  @Override
  public RetrainCycleOutcome runIfDue(TrainingObserver observer) {
    Objects.requireNonNull(observer, "observer is null");
    RetrainScheduleStatus status = schedule.check();
    if (!status.due()) {
      return new RetrainCycleOutcome.NotDue(status);
    }
    return run(status, true, observer);
  }

  @Override
  public RetrainCycleOutcome runNow(TrainingObserver observer) {
    Objects.requireNonNull(observer, "observer is null");
    return run(schedule.check(), false, observer);
  }

  private RetrainCycleOutcome run(
      RetrainScheduleStatus status, boolean skipRepeat, TrainingObserver observer) {
    if (status.activeModel().isEmpty()) {
      return new RetrainCycleOutcome.Skipped("no model is active: train or promote one first");
    }
    ModelVersion active = status.activeModel().get();
    Optional<TimeWindow> newest = labels.windows().stream().max(NEWEST_LAST);
    if (newest.isEmpty()) {
      return new RetrainCycleOutcome.Skipped(
          "no window has labels: derive the labels of the newest engagement window first");
    }
    TimeWindow window = newest.get();
    if (skipRepeat) {
      Optional<ValidationRun> latest = runs.latest();
      if (latest.isPresent() && alreadyCovers(latest.get(), active, window)) {
        return new RetrainCycleOutcome.Skipped(
            "model " + active + " was already validated on the newest labelled window " + window
                + " (run " + latest.get().id() + "); waiting for labels of a newer window");
      }
    }
    ValidateModelCommand command =
        ValidateModelCommand.validateAndUpdate(window, window.start().getEpochSecond())
            .withHyperparameters(hyperparameters);
    try {
      return new RetrainCycleOutcome.Ran(window, validation.validate(command, observer));
    } catch (PreconditionFailedException e) {
      return new RetrainCycleOutcome.Skipped(e.getMessage());
    }
  }

  private static boolean alreadyCovers(ValidationRun run, ModelVersion active, TimeWindow window) {
    if (run.decision() == Decision.UPDATE) {
      return false;
    }
    boolean sameModel =
        run.modelVersion().equals(active) || run.candidate().filter(active::equals).isPresent();
    return sameModel && run.window().equals(window);
  }
}
