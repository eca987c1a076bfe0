package io.mmq.core.validation.service;

import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.in.PromoteModelCommand;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.testing.builder.QualityDay;
import io.mmq.core.testing.builder.Windows;
import io.mmq.core.testing.fake.FakeModelTrainer;
import io.mmq.core.testing.fake.InMemoryCore;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.core.training.service.HoldoutSplit;
import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.model.ValidationRun;
import io.mmq.core.validation.policy.PromotionVerdict;
import io.mmq.core.validation.port.in.ModelUpdate;
import io.mmq.core.validation.port.in.ValidateModelCommand;
import io.mmq.core.validation.port.in.ValidateModelResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The active model learns on 2016-06-24 that "great" titles are good and "dull" ones bad. On the
 * 25th the same holds: every resource coincides, accuracy 1.0, KEEP. On the 26th "great text" is
 * good and "great video" bad: the model calls every one of them good, so the 10 good resources
 * coincide (2 of 2 tasks) and the 10 bad ones do not (0 of 2): accuracy 10 / 20 = 0.5 &lt; 0.7,
 * UPDATE. Fine-tuning on the 26th learns "text" and "video", so on the held-out resources the
 * candidate ranks every good one above every bad one (AUC 1) where the active model scores them all
 * alike (AUC 0.5): PROMOTED. A deliberately inverted candidate (AUC 0) is REJECTED.
 */
class ValidationServiceTest {
  private static final TaskName CTR = TaskName.of("ctr");

  private final InMemoryCore core = InMemoryCore.create();
  private final FakeModelTrainer trainer = core.ports.trainer;
  private final QualityDay day24 = QualityDay.on("2016-06-24").good("great story", 10).bad("dull story", 10);
  private final QualityDay day25 = QualityDay.on("2016-06-25").good("great story", 10).bad("dull story", 10);
  private final QualityDay day26 = QualityDay.on("2016-06-26").good("great text", 10).bad("great video", 10);
  private ModelRecord active;

  @BeforeEach
  void trainOnTheFirstDay() {
    core.taskSets.set(new SetTaskSetCommand(tasksNamed("ctr", "dwell")));
    label(day24);
    active = core.training.train(TrainModelCommand.of(day24.window(), 7), TrainingObserver.NONE)
        .model().orElseThrow();
    label(day25);
    label(day26);
  }

  @Test
  void keepsAModelThatIsStillAccurateAndRecordsTheRun() {
    ValidateModelResult result = core.validation.validate(ValidateModelCommand.validateAndUpdate(day25.window(), 1));

    ValidationRun run = result.run();
    assertThat(run.decision()).isEqualTo(Decision.KEEP);
    assertThat(run.modelVersion()).isEqualTo(active.version());
    assertThat(run.window()).isEqualTo(day25.window());
    assertThat(run.evaluated()).isEqualTo(20);
    assertThat(run.accurate()).isEqualTo(20);
    assertThat(run.accuracy()).isEqualTo(1.0);
    assertThat(run.coincidenceThreshold()).isEqualTo(0.5);
    assertThat(run.accuracyThreshold()).isEqualTo(0.7);
    assertThat(run.tasks().get(CTR).auc()).isEqualTo(1.0);
    assertThat(run.tasks().get(CTR).labelled()).isEqualTo(20);
    assertThat(run.candidate()).isEmpty();
    assertThat(result.update()).isEmpty();
    assertThat(core.ports.validationRuns.latest()).contains(run);
    assertThat(core.training.list()).hasSize(1);
  }

  @Test
  void aValidationOnlyRunDecidesUpdateButChangesNoModel() {
    ValidateModelResult result = core.validation.validate(ValidateModelCommand.validateOnly(day26.window()));

    assertThat(result.decision()).isEqualTo(Decision.UPDATE);
    assertThat(result.run().evaluated()).isEqualTo(20);
    assertThat(result.run().accurate()).isEqualTo(10);
    assertThat(result.run().accuracy()).isEqualTo(0.5);
    assertThat(result.run().tasks().get(CTR).auc()).isEqualTo(0.5);
    assertThat(result.scored().get(CTR)).hasSize(20);
    assertThat(result.scored().get(CTR).stream().filter(p -> (p.probability() >= 0.5) == p.positive()))
        .hasSize((int) Math.round(result.run().tasks().get(CTR).accuracy() * 20));
    assertThat(result.update()).isEmpty();
    assertThat(core.ports.registry.list()).containsExactly(active);
  }

  @Test
  void promotesAFineTunedCandidateThatBeatsTheActiveModelOnHeldOutData() {
    ValidateModelResult result =
        core.validation.validate(ValidateModelCommand.validateAndUpdate(day26.window(), 11));

    ModelUpdate update = result.update().orElseThrow();
    ModelRecord candidate = update.training().model().orElseThrow();
    assertThat(result.decision()).isEqualTo(Decision.PROMOTED);
    assertThat(update.verdict()).containsInstanceOf(PromotionVerdict.Promote.class);
    assertThat(update.candidateHeldOut().get(CTR).auc()).isEqualTo(1.0);
    assertThat(update.activeHeldOut().get(CTR).auc()).isEqualTo(0.5);
    assertThat(candidate.provenance().fineTunedFrom()).contains(active.version());
    assertThat(trainer.lastCall().fineTuneChecksum()).contains(active.checksum());
    assertThat(result.run().modelVersion()).isEqualTo(active.version());
    assertThat(result.run().candidate()).contains(candidate.version());
    assertThat(core.ports.registry.active().orElseThrow().version()).isEqualTo(candidate.version());
    assertThat(status(active.version())).isEqualTo(ModelStatus.RETIRED);
  }

  @Test
  void fineTunesOnTheNewWindowWithReplayButNeverOnHeldOutResources() {
    core.validation.validate(ValidateModelCommand.validateAndUpdate(day26.window(), 11));

    HoldoutSplit holdout = new HoldoutSplit(11, ValidateModelCommand.DEFAULT_HOLDOUT_FRACTION);
    List<ResourceId> heldOut =
        day26.resources().stream().map(Resource::id).filter(holdout::isHeldOut).toList();
    FakeModelTrainer.Call call = trainer.lastCall();
    assertThat(heldOut).isNotEmpty();
    assertThat(call.training()).doesNotContainAnyElementsOf(heldOut);
    assertThat(call.validation()).doesNotContainAnyElementsOf(heldOut);
    assertThat(call.training()).anyMatch(id -> id.value().startsWith("2016-06-26"));
    assertThat(call.training()).anyMatch(id -> id.value().startsWith("2016-06-24"));
    assertThat(call.training()).anyMatch(id -> id.value().startsWith("2016-06-25"));
  }

  @Test
  void rejectsACandidateThatIsNotBetterAndKeepsItAsACandidate() {
    ValidateModelResult result =
        core.validation.validate(
            ValidateModelCommand.validateAndUpdate(day26.window(), 11)
                .withHyperparameters(Map.of("fake.invert", "true")));

    ModelUpdate update = result.update().orElseThrow();
    ModelRecord candidate = update.training().model().orElseThrow();
    assertThat(result.decision()).isEqualTo(Decision.REJECTED);
    assertThat(update.verdict()).containsInstanceOf(PromotionVerdict.Reject.class);
    assertThat(update.candidateHeldOut().get(CTR).auc()).isEqualTo(0.0);
    assertThat(result.run().candidate()).contains(candidate.version());
    assertThat(status(candidate.version())).isEqualTo(ModelStatus.CANDIDATE);
    assertThat(core.ports.registry.active().orElseThrow().version()).isEqualTo(active.version());
  }

  @Test
  void aCandidateDoesNotReplaceAModelPromotedWhileItWasFineTuned() {
    ModelRecord other = core.training.train(TrainModelCommand.of(day24.window(), 8), TrainingObserver.NONE)
        .model().orElseThrow();
    boolean[] promoted = {false};
    TrainingObserver promotesMidway = new TrainingObserver() {
      @Override
      public void onProgress(TrainingProgress progress) {
        if (!promoted[0]) {
          promoted[0] = true;
          core.models.promote(new PromoteModelCommand(other.version()));
        }
      }
    };

    ValidateModelResult result =
        core.validation.validate(ValidateModelCommand.validateAndUpdate(day26.window(), 11), promotesMidway);

    assertThat(promoted[0]).as("the operator's promotion ran during the fine-tune").isTrue();
    ModelUpdate update = result.update().orElseThrow();
    assertThat(result.decision()).isEqualTo(Decision.REJECTED);
    assertThat(update.candidateHeldOut().get(CTR).auc()).as("the candidate itself was better").isEqualTo(1.0);
    assertThat(update.verdict().orElseThrow().reason())
        .contains("changed from " + active.version() + " to " + other.version());
    assertThat(core.ports.registry.active().orElseThrow().version()).isEqualTo(other.version());
    assertThat(status(update.training().model().orElseThrow().version())).isEqualTo(ModelStatus.CANDIDATE);
  }

  @Test
  void aCancelledUpdateLeavesTheDecisionAtUpdateAndTheActiveModel() {
    ValidateModelResult result =
        core.validation.validate(
            ValidateModelCommand.validateAndUpdate(day26.window(), 11),
            new TrainingObserver() {
              @Override
              public boolean isCancelled() {
                return true;
              }
            });

    assertThat(result.decision()).isEqualTo(Decision.UPDATE);
    assertThat(result.update().orElseThrow().training().job().state()).isEqualTo(JobState.CANCELLED);
    assertThat(result.run().candidate()).isEmpty();
    assertThat(core.ports.registry.list()).containsExactly(active);
  }

  @Test
  void aFailingUpdateIsRecordedAsUpdateAndRethrown() {
    trainer.failAtStep(1, new IllegalStateException("trainer crashed"));

    assertThatThrownBy(
            () -> core.validation.validate(ValidateModelCommand.validateAndUpdate(day26.window(), 11)))
        .hasMessage("trainer crashed");

    assertThat(core.ports.validationRuns.latest().orElseThrow().decision()).isEqualTo(Decision.UPDATE);
    assertThat(core.ports.registry.active().orElseThrow().version()).isEqualTo(active.version());
  }

  @Test
  void aWindowWithoutLabelsOrAMissingModelIsAPreconditionFailure() {
    assertThatThrownBy(() -> core.validation.validate(ValidateModelCommand.validateOnly(Windows.day("2016-01-01"))))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("derive labels");
    assertThat(core.ports.validationRuns.list()).isEmpty();

    InMemoryCore empty = InMemoryCore.create();
    assertThatThrownBy(() -> empty.validation.validate(ValidateModelCommand.validateOnly(day25.window())))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("no model is active");
  }

  private void label(QualityDay day) {
    core.ingestAndLabel(day.resources(), day.engagement(), day.window());
  }

  private ModelStatus status(ModelVersion version) {
    return core.ports.registry.find(version).orElseThrow().status();
  }
}
