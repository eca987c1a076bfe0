package io.mmq.app;

import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.core.validation.model.ValidationRun;
import io.mmq.core.validation.port.in.RetrainCycleOutcome;
import io.mmq.core.validation.port.in.RunRetrainCycleUseCase;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retraining loop of a serving process: every {@code interval} (the first time one
 * interval after start) one turn of {@link RunRetrainCycleUseCase#runIfDue}, on its own daemon
 * thread, one turn at a time. Each turn ends in one log line: not due (debug), skipped and why,
 * ran with its figures and decision, or failed and why; a failed turn does not stop the loop.
 * Closing stops the schedule and cancels a fine-tuning in progress (its job ends CANCELLED and the
 * active model keeps serving).
 */
public final class RetrainScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RetrainScheduler.class);
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final RunRetrainCycleUseCase cycle;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean closing = new AtomicBoolean();

  private RetrainScheduler(RunRetrainCycleUseCase cycle) {
    this.cycle = cycle;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "mmq-retrain");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts the loop; the first turn runs one {@code interval} from now. */
  public static RetrainScheduler start(RunRetrainCycleUseCase cycle, Duration interval) {
    Objects.requireNonNull(cycle, "cycle is null");
    Objects.requireNonNull(interval, "interval is null");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    RetrainScheduler scheduler = new RetrainScheduler(cycle);
    long millis = interval.toMillis();
    scheduler.executor.scheduleWithFixedDelay(
        scheduler::runTurn, millis, millis, TimeUnit.MILLISECONDS);
    log.info("retraining loop checks every {} whether a validation is due", interval);
    return scheduler;
  }

  /** One turn, logged; never throws (a scheduled task that throws would stop the schedule). */
  void runTurn() {
    try {
      log(cycle.runIfDue(observer()));
    } catch (RuntimeException e) {
      log.warn("retrain: turn failed, the active model keeps serving: {}", reason(e));
      log.debug("retrain: turn failure", e);
    }
  }

  private TrainingObserver observer() {
    return new TrainingObserver() {
      @Override
      public void onStarted(TrainingJob job) {
        log.info("retrain: fine-tuning a candidate as job {}", job.id());
      }

      @Override
      public boolean isCancelled() {
        return closing.get();
      }
    };
  }

  private static void log(RetrainCycleOutcome outcome) {
    if (outcome instanceof RetrainCycleOutcome.NotDue notDue) {
      log.debug("retrain: not due; next validation at {}", notDue.status().nextDue());
    } else if (outcome instanceof RetrainCycleOutcome.Skipped skipped) {
      log.info("retrain: due but skipped: {}", skipped.reason());
    } else if (outcome instanceof RetrainCycleOutcome.Ran ran) {
      ValidationRun run = ran.result().run();
      log.info(
          "retrain: run {} validated model {} on {}: accuracy {} ({} of {} accurate, threshold {}),"
              + " decision {}{}",
          run.id(),
          run.modelVersion(),
          run.window(),
          run.accuracy(),
          run.accurate(),
          run.evaluated(),
          run.accuracyThreshold(),
          run.decision(),
          run.candidate().map(candidate -> ", candidate " + candidate).orElse(""));
    }
  }

  private static String reason(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** Stops the loop: cancels a fine-tuning in progress and waits for the turn to end. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        log.warn("retrain: the turn in progress did not stop within {} s", CLOSE_WAIT_SECONDS);
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
