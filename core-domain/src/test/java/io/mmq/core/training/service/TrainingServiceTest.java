package io.mmq.core.training.service;

import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static io.mmq.core.testing.builder.TrainingJobBuilder.aTrainingJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.mmq.core.common.NotFoundException;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.testing.builder.QualityDay;
import io.mmq.core.testing.builder.Windows;
import io.mmq.core.testing.fake.FakeModelTrainer;
import io.mmq.core.testing.fake.InMemoryCore;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.model.StopReason;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.training.port.in.CancelJobResult;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainModelResult;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.core.validation.model.ScoredLabel;
import io.mmq.core.validation.policy.MetricsCalculator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrainingServiceTest {
  private final InMemoryCore core = InMemoryCore.create();
  private final FakeModelTrainer trainer = core.ports.trainer;
  private final QualityDay day = QualityDay.on("2016-06-24").good("great story", 10).bad("dull story", 10);
  private final TrainModelCommand fourSteps =
      TrainModelCommand.of(day.window(), 7).withHyperparameters(Map.of("steps", "4"));

  @BeforeEach
  void labelADay() {
    core.taskSets.set(new SetTaskSetCommand(tasksNamed("ctr", "dwell")));
    core.ingestAndLabel(day.resources(), day.engagement(), day.window());
  }

  @Test
  void theFirstModelBecomesActiveWithItsProvenanceAndTheJobSucceeds() {
    TrainingObserver observer = mock(TrainingObserver.class);

    TrainModelResult result = core.training.train(fourSteps, observer);

    ModelRecord model = result.model().orElseThrow();
    assertThat(result.activated()).isTrue();
    assertThat(model.status()).isEqualTo(ModelStatus.ACTIVE);
    assertThat(core.ports.registry.active()).contains(model);
    assertThat(model.version().value()).matches("m-20160701-000000-[0-9a-f]{4}");
    assertThat(model.tasks()).isEqualTo(tasksNamed("ctr", "dwell"));
    assertThat(model.provenance().dataWindow()).isEqualTo(day.window());
    assertThat(model.provenance().seed()).isEqualTo(7);
    assertThat(model.provenance().hyperparameters()).containsEntry("steps", "4");
    assertThat(model.provenance().metrics()).containsKeys("loss.ctr", "examples");
    assertThat(model.provenance().fineTunedFrom()).isEmpty();
    assertThat(model.checksum())
        .isEqualTo(core.ports.registry.loadArtifact(model.version()).checksum());

    TrainingJob job = result.job();
    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.result()).contains(model.version());
    assertThat(job.step()).isEqualTo(4);
    assertThat(job.totalSteps()).isEqualTo(4);
    assertThat(core.training.get(job.id())).isEqualTo(job);
    assertThat(core.ports.jobs.history()).extracting(TrainingJob::step).containsExactly(0, 1, 2, 3, 4, 4);
    verify(observer, times(1))
        .onStarted(any(), eq(result.trainingExamples()), eq(result.validationExamples()));
    assertThat(result.trainingExamples() + result.validationExamples()).isEqualTo(20);
    assertThat(result.stopReason()).contains(StopReason.STEP_CAP);
    verify(observer, times(4)).onProgress(any(TrainingProgress.class));
  }

  @Test
  void splitsTheWindowIntoDisjointTrainingAndValidationResources() {
    TrainModelResult result = core.training.train(fourSteps, TrainingObserver.NONE);

    FakeModelTrainer.Call call = trainer.lastCall();
    Set<ResourceId> both = new HashSet<>(call.training());
    both.retainAll(call.validation());
    assertThat(both).isEmpty();
    assertThat(call.training()).isNotEmpty();
    assertThat(call.validation()).isNotEmpty();
    assertThat(call.training().size() + call.validation().size()).isEqualTo(20);
    assertThat(result.trainingExamples()).isEqualTo(call.training().size());
    assertThat(result.validationExamples()).isEqualTo(call.validation().size());
  }

  @Test
  void theTrainedModelIsEvaluatedOnTheHeldOutResources() {
    TrainModelResult result = core.training.train(fourSteps, TrainingObserver.NONE);

    var heldOut = result.heldOut().orElseThrow();
    assertThat(heldOut.evaluated()).isEqualTo(result.validationExamples());
    assertThat(heldOut.accurate()).isBetween(0L, heldOut.evaluated());
    assertThat(heldOut.accuracy()).isEqualTo(heldOut.accurate() / (double) heldOut.evaluated());
    assertThat(heldOut.coincidenceThreshold()).isEqualTo(0.5);
    assertThat(heldOut.tasks().keySet()).containsExactlyInAnyOrderElementsOf(tasksNamed("ctr", "dwell").names());
    heldOut.tasks().values().forEach(task -> assertThat(task.labelled()).isPositive());
    heldOut.tasks().forEach((task, metrics) -> {
      var pairs = heldOut.scored().get(task);
      assertThat(pairs).hasSize((int) metrics.labelled());
      assertThat(MetricsCalculator.of(
              pairs.stream().mapToDouble(ScoredLabel::probability).toArray(), positives(pairs)))
          .isEqualTo(metrics);
    });
  }

  private static boolean[] positives(List<ScoredLabel> pairs) {
    boolean[] positives = new boolean[pairs.size()];
    for (int i = 0; i < positives.length; i++) {
      positives[i] = pairs.get(i).positive();
    }
    return positives;
  }

  @Test
  void aLaterModelStaysACandidate() {
    ModelRecord first = core.training.train(fourSteps, TrainingObserver.NONE).model().orElseThrow();

    TrainModelResult second =
        core.training.train(fourSteps.withHyperparameters(Map.of("steps", "2")), TrainingObserver.NONE);

    assertThat(second.activated()).isFalse();
    assertThat(second.model().orElseThrow().status()).isEqualTo(ModelStatus.CANDIDATE);
    assertThat(core.ports.registry.active().orElseThrow().version()).isEqualTo(first.version());
  }

  @Test
  void withoutActivateIfNoneEvenTheFirstModelStaysACandidate() {
    TrainModelResult result =
        core.training.train(fourSteps.withActivateIfNone(false), TrainingObserver.NONE);

    assertThat(result.activated()).isFalse();
    assertThat(result.model().orElseThrow().status()).isEqualTo(ModelStatus.CANDIDATE);
    assertThat(core.ports.registry.active()).isEmpty();
    assertThat(core.activeModel.loadedVersion()).isEmpty();
  }

  @Test
  void aCancelledTrainingEndsCancelledAndLeavesTheActiveModel() {
    ModelVersion active = core.training.train(fourSteps, TrainingObserver.NONE).model().orElseThrow().version();
    AtomicReference<JobId> started = new AtomicReference<>();
    AtomicReference<CancelJobResult> cancel = new AtomicReference<>();
    trainer.onStep(3, () -> cancel.set(core.training.cancel(started.get())));

    TrainModelResult result =
        core.training.train(
            fourSteps,
            new TrainingObserver() {
              @Override
              public void onStarted(TrainingJob job) {
                started.set(job.id());
              }
            });

    assertThat(cancel.get().outcome()).isEqualTo(CancelJobResult.Outcome.REQUESTED);
    assertThat(result.job().state()).isEqualTo(JobState.CANCELLED);
    assertThat(result.job().step()).isEqualTo(2);
    assertThat(result.model()).isEmpty();
    assertThat(core.training.get(started.get()).state()).isEqualTo(JobState.CANCELLED);
    assertThat(core.ports.registry.active().orElseThrow().version()).isEqualTo(active);
    assertThat(core.ports.registry.list()).hasSize(1);
  }

  @Test
  void theObserverCanCancelToo() {
    TrainModelResult result =
        core.training.train(
            fourSteps,
            new TrainingObserver() {
              @Override
              public boolean isCancelled() {
                return true;
              }
            });

    assertThat(result.job().state()).isEqualTo(JobState.CANCELLED);
    assertThat(core.ports.registry.active()).isEmpty();
  }

  @Test
  void aFailingTrainingIsRecordedWithItsReasonRethrownAndLeavesTheActiveModel() {
    ModelVersion active = core.training.train(fourSteps, TrainingObserver.NONE).model().orElseThrow().version();
    trainer.failAtStep(2, new IllegalStateException("out of memory"));

    assertThatThrownBy(() -> core.training.train(fourSteps, TrainingObserver.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("out of memory");

    TrainingJob failed = core.training.list().get(0);
    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(failed.error()).contains("out of memory");
    assertThat(core.ports.registry.active().orElseThrow().version()).isEqualTo(active);
    assertThat(core.ports.registry.list()).hasSize(1);
  }

  @Test
  void anUnknownHyperparameterFailsTheJob() {
    assertThatThrownBy(
            () ->
                core.training.train(
                    fourSteps.withHyperparameters(Map.of("learningRat", "0.1")), TrainingObserver.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learningRat");

    assertThat(core.training.list()).singleElement()
        .satisfies(job -> assertThat(job.state()).isEqualTo(JobState.FAILED));
  }

  @Test
  void aWindowWithoutLabelsIsAPreconditionFailureAndRecordsNoJob() {
    assertThatThrownBy(
            () -> core.training.train(TrainModelCommand.of(Windows.day("2016-01-01"), 1), TrainingObserver.NONE))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("derive labels");
    assertThat(core.training.list()).isEmpty();
  }

  @Test
  void fineTunesFromAModelAndRecordsWhereItCameFrom() {
    ModelRecord base = core.training.train(fourSteps, TrainingObserver.NONE).model().orElseThrow();

    TrainModelResult tuned = core.training.train(fourSteps.fineTuning(base.version()), TrainingObserver.NONE);

    assertThat(tuned.model().orElseThrow().provenance().fineTunedFrom()).contains(base.version());
    assertThat(trainer.lastCall().fineTuneChecksum()).contains(base.checksum());
    assertThatThrownBy(
            () -> core.training.train(fourSteps.fineTuning(ModelVersion.of("m-nope")), TrainingObserver.NONE))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("m-nope");
  }

  @Test
  void cancellingAFinishedAnUnknownOrAnOrphanedJob() {
    TrainingJob done = core.training.train(fourSteps, TrainingObserver.NONE).job();
    assertThat(core.training.cancel(done.id()).outcome())
        .isEqualTo(CancelJobResult.Outcome.ALREADY_FINISHED);

    assertThatThrownBy(() -> core.training.cancel(new JobId("job-x")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("job-x");

    core.ports.jobs.save(aTrainingJob().withId("job-left-over").build());
    CancelJobResult orphan = core.training.cancel(new JobId("job-left-over"));
    assertThat(orphan.outcome()).isEqualTo(CancelJobResult.Outcome.CANCELLED);
    assertThat(core.training.get(new JobId("job-left-over")).state()).isEqualTo(JobState.CANCELLED);
  }
}
