package io.mmq.core.validation.service;

import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.classification.port.in.ClassifyResourcesCommand;
import io.mmq.core.classification.port.in.ResourceRef;
import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.core.classification.service.ClassificationService;
import io.mmq.core.classification.policy.QualityAggregationPolicy;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.telemetry.Telemetry;
import io.mmq.core.testing.builder.QualityDay;
import io.mmq.core.testing.fake.InMemoryCore;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.core.training.service.ModelTraining;
import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.model.ValidationRun;
import io.mmq.core.validation.policy.PromotionPolicy;
import io.mmq.core.validation.policy.ValidationPolicy;
import io.mmq.core.validation.port.in.RetrainCycleOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retraining loop on the core fakes and a clock moved by hand. The active model learns on
 * 2016-06-24 that "great" titles are good; on the 25th that still holds (KEEP); on the 26th
 * "great video" is bad, so accuracy drops to 0.5 and the loop fine-tunes and promotes (see {@link
 * ValidationServiceTest} for the figures). The services report to a recording {@link Telemetry}.
 */
class RetrainLoopServiceTest {
  private final InMemoryCore core = InMemoryCore.create();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final ActiveModelHolder activeModel =
      new ActiveModelHolder(core.ports.registry, core.ports.loader);
  private final ModelTraining training =
      new ModelTraining(
          core.ports.trainer, core.ports.registry, core.ports.jobs, core.ports.clock, activeModel,
          telemetry);
  private final ClassificationService classification =
      new ClassificationService(
          core.ports.resources, activeModel, QualityAggregationPolicy.MAJORITY);
  private final ValidationService validation =
      new ValidationService(
          core.ports.labels, core.ports.resources, core.ports.registry, core.ports.validationRuns,
          activeModel, core.ports.loader, training, ValidationPolicy.DEFAULT,
          PromotionPolicy.DEFAULT, core.ports.clock, telemetry);
  private final RetrainLoopService loop =
      new RetrainLoopService(
          core.schedule, validation, core.ports.labels, core.ports.validationRuns);

  private final QualityDay day24 =
      QualityDay.on("2016-06-24").good("great story", 10).bad("dull story", 10);
  private final QualityDay day25 =
      QualityDay.on("2016-06-25").good("great story", 10).bad("dull story", 10);
  private final QualityDay day26 =
      QualityDay.on("2016-06-26").good("great text", 10).bad("great video", 10);

  @BeforeEach
  void tasks() {
    core.taskSets.set(new SetTaskSetCommand(tasksNamed("ctr", "dwell")));
  }

  @Test
  void withoutAnActiveModelNothingIsDueAndANowRunIsSkipped() {
    label(day24);

    assertThat(loop.runIfDue(TrainingObserver.NONE)).isInstanceOf(RetrainCycleOutcome.NotDue.class);
    assertThat(loop.runNow(TrainingObserver.NONE))
        .isEqualTo(new RetrainCycleOutcome.Skipped("no model is active: train or promote one first"));
    assertThat(core.ports.validationRuns.list()).isEmpty();
  }

  @Test
  void validatesTheNewestWindowKeepsAnAccurateModelThenWaitsForThePeriodAndForNewLabels() {
    ModelVersion active = trainOn(day24);
    label(day25);

    RetrainCycleOutcome first = loop.runIfDue(TrainingObserver.NONE);

    ValidationRun kept = ran(first, day25).result().run();
    assertThat(kept.decision()).isEqualTo(Decision.KEEP);
    assertThat(kept.modelVersion()).isEqualTo(active);
    assertThat(kept.accuracy()).isEqualTo(1.0);
    assertThat(kept.ranAt()).isEqualTo(core.ports.clock.instant());
    assertThat(telemetry.validations).containsExactly(active + " 1.0 KEEP");

    core.ports.clock.advance(Duration.ofDays(5).minusMinutes(1));
    assertThat(loop.runIfDue(TrainingObserver.NONE))
        .isInstanceOfSatisfying(
            RetrainCycleOutcome.NotDue.class,
            notDue -> assertThat(notDue.status().nextDue()).isEqualTo(kept.ranAt().plus(Duration.ofDays(5))));

    core.ports.clock.advance(Duration.ofMinutes(1));
    assertThat(loop.runIfDue(TrainingObserver.NONE))
        .isInstanceOfSatisfying(
            RetrainCycleOutcome.Skipped.class,
            skipped -> assertThat(skipped.reason()).contains("already validated", day25.window().toString()));
    assertThat(core.ports.validationRuns.list()).hasSize(1);

    assertThat(ran(loop.runNow(TrainingObserver.NONE), day25).result().decision())
        .isEqualTo(Decision.KEEP);
    assertThat(core.ports.validationRuns.list()).hasSize(2);
  }

  @Test
  void anInaccurateModelIsFineTunedOnTheNewestWindowAndTheBetterCandidatePromoted() {
    ModelVersion active = trainOn(day24);
    label(day26);
    label(day25); // labelled later, but an older window: the loop validates the newest

    RetrainCycleOutcome.Ran ran = ran(loop.runIfDue(TrainingObserver.NONE), day26);

    ValidationRun run = ran.result().run();
    assertThat(run.modelVersion()).isEqualTo(active);
    assertThat(run.accuracy()).isEqualTo(0.5);
    assertThat(run.decision()).isEqualTo(Decision.PROMOTED);
    ModelVersion candidate = run.candidate().orElseThrow();
    assertThat(core.ports.registry.active().orElseThrow().version()).isEqualTo(candidate);
    assertThat(core.ports.trainer.lastCall().config().seed())
        .isEqualTo(day26.window().start().getEpochSecond());
    assertThat(telemetry.validations).containsExactly(active + " 0.5 PROMOTED");
    assertThat(telemetry.ended).endsWith("SUCCEEDED");
    assertThat(telemetry.progress).isNotEmpty();

    core.ports.clock.advance(Duration.ofDays(5));
    assertThat(loop.runIfDue(TrainingObserver.NONE))
        .as("the promoted model came from this window: nothing new to validate it on")
        .isInstanceOf(RetrainCycleOutcome.Skipped.class);
  }

  @Test
  void aCrashInTheFineTuningIsRecordedFailedAndTheActiveModelKeepsServing() {
    ModelVersion active = trainOn(day24);
    label(day26);
    core.ports.trainer.failAtStep(3, new IllegalStateException("native op failed: out of memory"));

    assertThatThrownBy(() -> loop.runIfDue(TrainingObserver.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("native op failed: out of memory");

    TrainingJob job = core.ports.jobs.list().get(0);
    assertThat(job.state()).isEqualTo(JobState.FAILED);
    assertThat(job.error()).contains("native op failed: out of memory");
    assertThat(job.step()).isEqualTo(2);
    ValidationRun run = core.ports.validationRuns.latest().orElseThrow();
    assertThat(run.decision()).isEqualTo(Decision.UPDATE);
    assertThat(run.candidate()).isEmpty();
    assertThat(telemetry.ended).endsWith("FAILED");
    assertServing(active);

    core.ports.clock.advance(Duration.ofDays(5));
    assertThat(ran(loop.runIfDue(TrainingObserver.NONE), day26).result().decision())
        .as("a run left at UPDATE settles nothing: the next due turn tries again")
        .isEqualTo(Decision.PROMOTED);
  }

  @Test
  void aCancelledFineTuningIsRecordedCancelledAndTheActiveModelKeepsServing() {
    ModelVersion active = trainOn(day24);
    label(day26);
    AtomicBoolean stop = new AtomicBoolean();
    core.ports.trainer.onStep(2, () -> stop.set(true));

    RetrainCycleOutcome.Ran ran =
        ran(loop.runIfDue(TrainingObserver.of(cancelledBy(stop))), day26);

    assertThat(ran.result().decision()).isEqualTo(Decision.UPDATE);
    assertThat(ran.result().update().orElseThrow().training().job().state())
        .isEqualTo(JobState.CANCELLED);
    assertThat(core.ports.jobs.list().get(0).error()).contains("cancelled");
    assertThat(core.ports.registry.list()).hasSize(1);
    assertThat(telemetry.ended).endsWith("CANCELLED");
    assertServing(active);
  }

  @Test
  void aNewestWindowWithoutResourcesTheModelCanBeJudgedOnIsSkipped() {
    trainOn(day24);
    core.engagement.record(
        new io.mmq.core.engagement.port.in.RecordEngagementCommand(day26.engagement()));
    core.labels.derive(new io.mmq.core.label.port.in.DeriveLabelsCommand(day26.window()));

    assertThat(loop.runIfDue(TrainingObserver.NONE))
        .isInstanceOfSatisfying(
            RetrainCycleOutcome.Skipped.class,
            skipped -> assertThat(skipped.reason()).contains("derive labels"));
    assertThat(core.ports.validationRuns.list()).isEmpty();
  }

  private ModelVersion trainOn(QualityDay day) {
    label(day);
    return core.training.train(TrainModelCommand.of(day.window(), 7), TrainingObserver.NONE)
        .model().orElseThrow().version();
  }

  private void label(QualityDay day) {
    core.ingestAndLabel(day.resources(), day.engagement(), day.window());
  }

  private static RetrainCycleOutcome.Ran ran(RetrainCycleOutcome outcome, QualityDay day) {
    assertThat(outcome).isInstanceOf(RetrainCycleOutcome.Ran.class);
    RetrainCycleOutcome.Ran ran = (RetrainCycleOutcome.Ran) outcome;
    assertThat(ran.window()).isEqualTo(day.window());
    return ran;
  }

  private void assertServing(ModelVersion active) {
    assertThat(core.ports.registry.active().orElseThrow().version()).isEqualTo(active);
    assertThat(
            classification
                .classify(
                    new ClassifyResourcesCommand(
                        List.of(ResourceRef.byId(ResourceId.of("2016-06-26-00")))))
                .modelVersion())
        .isEqualTo(active);
  }

  private static io.mmq.core.training.model.TrainingListener cancelledBy(AtomicBoolean stop) {
    return new io.mmq.core.training.model.TrainingListener() {
      @Override
      public boolean isCancelled() {
        return stop.get();
      }
    };
  }

  /** Keeps what the services report, as text. */
  private static final class RecordingTelemetry implements Telemetry {
    final List<String> validations = Collections.synchronizedList(new ArrayList<>());
    final List<String> ended = Collections.synchronizedList(new ArrayList<>());
    final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void trainingProgress(JobId job, TrainingProgress p) {
      progress.add(job + " " + p.step());
    }

    @Override
    public void trainingEnded(JobId job, JobState state) {
      ended.add(state.name());
    }

    @Override
    public void validation(ModelVersion version, double accuracy, Decision decision) {
      validations.add(version + " " + accuracy + " " + decision);
    }
  }
}
