package io.mmq.grpc.mapping;

import static io.mmq.core.testing.builder.ModelRecordBuilder.aModelRecord;
import static io.mmq.core.testing.builder.TaskBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.policy.LabellingSummary;
import io.mmq.core.label.policy.QualityLevels;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.port.in.TaskLabelCounts;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.testing.builder.Windows;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.JobKind;
import io.mmq.core.training.model.StopReason;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.proto.v1.Decision;
import io.mmq.proto.v1.DeriveLabelsRequest;
import io.mmq.proto.v1.DeriveLabelsResponse;
import io.mmq.proto.v1.Evaluation;
import io.mmq.proto.v1.Job;
import io.mmq.proto.v1.JobState;
import io.mmq.proto.v1.TrainProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TrainingMapperTest {
  private static final TaskName CTR = TaskName.of("ctr");
  private static final TaskName DWELL = TaskName.of("dwell");
  private static final TaskSet TASKS =
      TaskSet.of(aTask("ctr").build(), aTask("dwell").withWeight(0.5).build());
  private static final TimeWindow DAY = Windows.day("2016-06-24");

  @Test
  void aStepCarriesThePerTaskFiguresAndTheWeightedJointLoss() {
    TrainProgress.Step step =
        TrainingMapper.toProto(
            new TrainingProgress(3, 10, Map.of(CTR, 0.4, DWELL, 0.2), Map.of(CTR, 0.75)), TASKS);

    assertThat(step.getStep()).isEqualTo(3);
    assertThat(step.getMaxSteps()).isEqualTo(10);
    assertThat(step.getTaskLossMap()).isEqualTo(Map.of("ctr", 0.4, "dwell", 0.2));
    assertThat(step.getTaskValidationAucMap()).isEqualTo(Map.of("ctr", 0.75));
    assertThat(step.getLoss()).isCloseTo(0.5, within(1e-12)); // 1.0 * 0.4 + 0.5 * 0.2
  }

  @Test
  void stopReasonsAreNamedAfterTheSettingThatStoppedTheTraining() {
    assertThat(TrainingMapper.stopReason(StopReason.STEP_CAP)).isEqualTo("max_steps");
    assertThat(TrainingMapper.stopReason(StopReason.CONVERGED)).isEqualTo("loss_threshold");
    assertThat(TrainingMapper.stopReason(StopReason.EARLY_STOPPED)).isEqualTo("early_stopping");
  }

  @Test
  void aMaskedTaskIsLeftOutOfTheJointLoss() {
    TrainProgress.Step step =
        TrainingMapper.toProto(new TrainingProgress(1, 10, Map.of(DWELL, 0.6), Map.of()), TASKS);

    assertThat(step.getLoss()).isCloseTo(0.3, within(1e-12)); // 0.5 * 0.6
    assertThat(step.getTaskValidationAucMap()).isEmpty();
  }

  @Test
  void aTrainingEvaluationReadsTheTrainersPerTaskMetrics() {
    ModelRecord model =
        aModelRecord()
            .withVersion("m-1")
            .withTasks(TASKS)
            .withWindow(DAY)
            .withMetric("evaluated", 7)
            .withMetric("ctr.auc", 0.8)
            .withMetric("ctr.accuracy", 0.75)
            .withMetric("ctr.labelled", 4)
            .withMetric("ctr.positiveRate", 0.5)
            .withMetric("gate.ctr.expert0", 1.0)
            .build();

    Evaluation evaluation = TrainingMapper.trainingEvaluation(model, 99, Decision.PROMOTED);

    assertThat(evaluation.getModelVersion()).isEqualTo("m-1");
    assertThat(evaluation.getEvaluated()).isEqualTo(7);
    assertThat(evaluation.getDecision()).isEqualTo(Decision.PROMOTED);
    assertThat(evaluation.getTasksMap()).containsOnlyKeys("ctr"); // no figure for dwell
    assertThat(evaluation.getTasksOrThrow("ctr").getAuc()).isEqualTo(0.8);
    assertThat(evaluation.getTasksOrThrow("ctr").getAccuracy()).isEqualTo(0.75);
    assertThat(evaluation.getTasksOrThrow("ctr").getLabelled()).isEqualTo(4);
    assertThat(evaluation.getTasksOrThrow("ctr").getLogLoss()).isNaN();
    assertThat(evaluation.getAccuracy())
        .isNaN(); // coincidence figures are not measured by training
    assertThat(
            TrainingMapper.trainingEvaluation(
                    aModelRecord().withTasks(TASKS).build(), 12, Decision.KEEP)
                .getEvaluated())
        .isEqualTo(12);
  }

  @Test
  void labelCountsCarryTheReferenceAndItsDegreeOnlyWhenOneWindowWasLabelled() {
    TimeWindow next = Windows.day("2016-06-25");
    var one =
        new LabellingSummary(
            DAY,
            12,
            12,
            12,
            Map.of(
                CTR,
                new LabellingSummary.TaskCounts(
                    OptionalDouble.of(0.03), OptionalDouble.of(50), 12, 6, 6)));
    var other =
        new LabellingSummary(
            next,
            10,
            10,
            10,
            Map.of(
                CTR,
                new LabellingSummary.TaskCounts(
                    OptionalDouble.of(0.05), OptionalDouble.of(60), 10, 4, 4)));

    DeriveLabelsResponse single =
        TrainingMapper.toProto(
            new DeriveLabelsResult(
                DAY, 12, 12, Map.of(CTR, new TaskLabelCounts(6, 6, 0)), List.of(one)));
    DeriveLabelsResponse both =
        TrainingMapper.toProto(
            new DeriveLabelsResult(
                TimeWindow.of(DAY.start(), next.end()),
                22,
                22,
                Map.of(CTR, new TaskLabelCounts(10, 10, 2)),
                List.of(one, other)));

    assertThat(single.getResources()).isEqualTo(12);
    assertThat(single.getTasksOrThrow("ctr").getReferenceValue()).isEqualTo(0.03);
    assertThat(single.getTasksOrThrow("ctr").getReferenceDegree()).isEqualTo(50.0);
    assertThat(both.getTasksOrThrow("ctr").getMasked()).isEqualTo(2);
    assertThat(both.getTasksOrThrow("ctr").getReferenceValue()).isNaN();
    assertThat(both.getTasksOrThrow("ctr").getReferenceDegree()).isNaN();
    assertThat(both.getTasksOrThrow("ctr").getLevelCountsList()).isEmpty();
    assertThat(both.getDryRun()).isFalse();
  }

  @Test
  void aDeriveLabelsRequestGivesItsLevelsWidthAndDryRun() {
    var request = DeriveLabelsRequest.newBuilder().setDryRun(true);

    DeriveLabelsCommand plain = TrainingMapper.toDomain(DAY, request.build());
    DeriveLabelsCommand three = TrainingMapper.toDomain(DAY, request.setLevels(3).build());
    DeriveLabelsCommand narrow = TrainingMapper.toDomain(DAY, request.setLevelWidth(0.25).build());

    assertThat(plain).isEqualTo(new DeriveLabelsCommand(DAY).withDryRun(true));
    assertThat(three.levels()).contains(QualityLevels.of(3, 1.0));
    assertThat(narrow.levels()).contains(QualityLevels.of(3, 0.25));
    assertThat(TrainingMapper.toDomain(DAY, request.setDryRun(false).build()).dryRun()).isFalse();
  }

  @Test
  void levelCountsAndTheDryRunAreEchoed() {
    DeriveLabelsResponse response =
        TrainingMapper.toProto(
            new DeriveLabelsResult(
                DAY,
                12,
                12,
                Map.of(CTR, new TaskLabelCounts(6, 6, 0, List.of(5L, 0L, 7L))),
                List.of(),
                Optional.of(QualityLevels.THREE),
                true));

    assertThat(response.getTasksOrThrow("ctr").getLevelCountsList()).containsExactly(5L, 0L, 7L);
    assertThat(response.getDryRun()).isTrue();
  }

  @Test
  void jobsShowTheirStateTimesAndOnlyAFailuresError() {
    Instant created = Instant.parse("2016-07-01T00:00:00Z");
    Instant later = created.plusSeconds(60);
    TrainingJob running =
        TrainingJob.started(new JobId("job-1"), JobKind.VALIDATION_UPDATE, DAY, 10, created)
            .progressed(4, later);
    TrainingJob unknownKind =
        new TrainingJob(
            running.id(), java.util.Optional.empty(), running.window(), running.state(),
            running.step(), running.totalSteps(), running.error(), running.result(),
            running.createdAt(), running.updatedAt());

    Job asRunning = TrainingMapper.toProto(running, true, java.util.Optional.empty());
    Job failed =
        TrainingMapper.toProto(
            running.failed("out of memory", later), true, java.util.Optional.empty());
    Job cancelled =
        TrainingMapper.toProto(running.cancelled(later), false, java.util.Optional.empty());

    assertThat(asRunning.getState()).isEqualTo(JobState.RUNNING);
    assertThat(asRunning.getKind()).isEqualTo(io.mmq.proto.v1.JobKind.VALIDATION_UPDATE);
    assertThat(TrainingMapper.toProto(unknownKind, false, java.util.Optional.empty()).getKind())
        .isEqualTo(io.mmq.proto.v1.JobKind.JOB_KIND_UNSPECIFIED);
    assertThat(asRunning.getCancelRequested()).isTrue();
    assertThat(asRunning.hasFinishedAt()).isFalse();
    assertThat(asRunning.getLastStep().getStep()).isEqualTo(4);
    assertThat(asRunning.getLastStep().getMaxSteps()).isEqualTo(10);
    assertThat(failed.getState()).isEqualTo(JobState.FAILED);
    assertThat(failed.getError()).isEqualTo("out of memory");
    assertThat(failed.getCancelRequested()).isFalse(); // it has stopped
    assertThat(failed.getFinishedAt().getSeconds()).isEqualTo(later.getEpochSecond());
    assertThat(cancelled.getState()).isEqualTo(JobState.CANCELLED);
    assertThat(cancelled.getError()).isEmpty();
  }
}
