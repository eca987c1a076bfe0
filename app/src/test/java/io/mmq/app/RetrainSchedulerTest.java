package io.mmq.app;

import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.testing.builder.QualityDay;
import io.mmq.core.testing.fake.InMemoryCore;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.port.in.RetrainCycleOutcome;
import io.mmq.core.validation.port.in.RunRetrainCycleUseCase;
import io.mmq.core.validation.service.RetrainLoopService;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The loop's thread: runs turns on schedule, survives a failing turn, and cancels on close. */
class RetrainSchedulerTest {
  private static final Duration QUICK = Duration.ofMillis(20);

  @Test
  void runsTurnsOnScheduleOnTheRealCoreAndKeepsGoingAfterAFailedTurn() throws Exception {
    InMemoryCore core = InMemoryCore.create();
    core.taskSets.set(new SetTaskSetCommand(tasksNamed("ctr", "dwell")));
    QualityDay day24 = QualityDay.on("2016-06-24").good("great story", 10).bad("dull story", 10);
    QualityDay day26 = QualityDay.on("2016-06-26").good("great text", 10).bad("great video", 10);
    core.ingestAndLabel(day24.resources(), day24.engagement(), day24.window());
    core.training.train(TrainModelCommand.of(day24.window(), 7), TrainingObserver.NONE);
    core.ingestAndLabel(day26.resources(), day26.engagement(), day26.window());
    core.ports.trainer.failAtStep(1, new IllegalStateException("injected trainer crash"));
    RetrainLoopService loop =
        new RetrainLoopService(
            core.schedule, core.validation, core.ports.labels, core.ports.validationRuns);
    AtomicInteger turns = new AtomicInteger();
    CountDownLatch promoted = new CountDownLatch(1);
    RunRetrainCycleUseCase counting =
        new RunRetrainCycleUseCase() {
          @Override
          public RetrainCycleOutcome runIfDue(TrainingObserver observer) {
            turns.incrementAndGet();
            core.ports.clock.advance(Duration.ofDays(5)); // every turn finds the period passed
            RetrainCycleOutcome outcome = loop.runIfDue(observer);
            if (outcome instanceof RetrainCycleOutcome.Ran ran
                && ran.result().decision() == Decision.PROMOTED) {
              promoted.countDown();
            }
            return outcome;
          }

          @Override
          public RetrainCycleOutcome runNow(TrainingObserver observer) {
            return loop.runNow(observer);
          }
        };

    try (RetrainScheduler scheduler = RetrainScheduler.start(counting, QUICK)) {
      assertThat(promoted.await(10, TimeUnit.SECONDS)).as("a turn promoted a candidate").isTrue();
    }

    // turn 1: the fine-tuning crashed (run recorded UPDATE, job FAILED); the next turn, due again,
    // retried (a run left at UPDATE settles nothing) and promoted
    assertThat(core.ports.validationRuns.list())
        .extracting(run -> run.decision())
        .containsExactly(Decision.PROMOTED, Decision.UPDATE);
    assertThat(core.ports.jobs.list())
        .extracting(job -> job.state())
        .contains(JobState.FAILED, JobState.SUCCEEDED);
    int afterClose = turns.get();
    Thread.sleep(100);
    assertThat(turns.get()).as("no turn after close").isEqualTo(afterClose);
  }

  @Test
  void closingCancelsTheTurnInProgress() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<Boolean> cancelledSeen = new AtomicReference<>();
    RunRetrainCycleUseCase slow =
        new RunRetrainCycleUseCase() {
          @Override
          public RetrainCycleOutcome runIfDue(TrainingObserver observer) {
            started.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!observer.isCancelled() && System.nanoTime() < deadline) {
              Thread.onSpinWait();
            }
            cancelledSeen.set(observer.isCancelled());
            return new RetrainCycleOutcome.Skipped("cancelled");
          }

          @Override
          public RetrainCycleOutcome runNow(TrainingObserver observer) {
            throw new UnsupportedOperationException();
          }
        };
    RetrainScheduler scheduler = RetrainScheduler.start(slow, QUICK);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    long before = System.nanoTime();
    scheduler.close();

    assertThat(cancelledSeen.get()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void theIntervalMustBePositive() {
    assertThatThrownBy(() -> RetrainScheduler.start(new RetrainLoopServiceStub(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }

  private static final class RetrainLoopServiceStub implements RunRetrainCycleUseCase {
    @Override
    public RetrainCycleOutcome runIfDue(TrainingObserver observer) {
      return new RetrainCycleOutcome.Skipped("stub");
    }

    @Override
    public RetrainCycleOutcome runNow(TrainingObserver observer) {
      return runIfDue(observer);
    }
  }
}
