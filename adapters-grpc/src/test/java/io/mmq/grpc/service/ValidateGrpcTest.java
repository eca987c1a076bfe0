package io.mmq.grpc.service;

import static io.mmq.grpc.service.GrpcHarness.assertInvalid;
import static io.mmq.grpc.service.GrpcHarness.statusOf;
import static io.mmq.grpc.service.TrainGrpcTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import io.grpc.Status;
import io.mmq.grpc.mapping.Timestamps;
import io.mmq.proto.v1.Decision;
import io.mmq.proto.v1.DeriveLabelsRequest;
import io.mmq.proto.v1.Evaluation;
import io.mmq.proto.v1.GetJobRequest;
import io.mmq.proto.v1.GetModelRequest;
import io.mmq.proto.v1.Hyperparameters;
import io.mmq.proto.v1.Job;
import io.mmq.proto.v1.JobKind;
import io.mmq.proto.v1.JobState;
import io.mmq.proto.v1.ListJobsRequest;
import io.mmq.proto.v1.ListValidationRunsRequest;
import io.mmq.proto.v1.ListValidationRunsResponse;
import io.mmq.proto.v1.TaskEvaluation;
import io.mmq.proto.v1.TrainRequest;
import io.mmq.proto.v1.ValidateRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValidateGrpcTest {
  private static final ValidateRequest DAY_2 =
      ValidateRequest.newBuilder().setWindow(Corpus.DAY_2).build();

  private final GrpcHarness h = new GrpcHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aGoodModelIsKeptWithItsFiguresRecorded() {
    String active = Corpus.loadAndTrain(h);
    labelDay2();

    Evaluation evaluation = h.training.validate(DAY_2);

    assertThat(evaluation.getModelVersion()).isEqualTo(active);
    assertThat(evaluation.getDecision()).isEqualTo(Decision.KEEP);
    assertThat(evaluation.getEvaluated()).isEqualTo(12);
    assertThat(evaluation.getAccurate()).isEqualTo(12);
    assertThat(evaluation.getAccuracy()).isEqualTo(1.0);
    assertThat(evaluation.getCoincidenceThreshold()).isEqualTo(0.5);
    assertThat(evaluation.getAccuracyThreshold()).isEqualTo(0.7);
    assertThat(evaluation.getWindow()).isEqualTo(Corpus.DAY_2);
    assertThat(evaluation.getRunId()).startsWith("v-");
    assertThat(evaluation.hasUpdate()).isFalse();
    TaskEvaluation ctr = evaluation.getTasksOrThrow("ctr");
    assertThat(ctr.getLabelled()).isEqualTo(12);
    assertThat(ctr.getPositiveRate()).isEqualTo(0.5);
    assertThat(ctr.getAuc()).isEqualTo(1.0);
    assertThat(ctr.getAccuracy()).isEqualTo(1.0);
  }

  @Test
  void aWrongModelIsUpdatedAndTheCandidatePromoted() {
    Corpus.loadAndLabel(h);
    String wrong = trainInverted();
    labelDay2();

    Evaluation reported = h.training.validate(DAY_2);
    h.core.ports.clock.advance(Duration.ofMinutes(1));
    Evaluation updated = h.training.validate(DAY_2.toBuilder().setUpdate(true).build());

    assertThat(reported.getDecision()).isEqualTo(Decision.UPDATE);
    assertThat(reported.getAccuracy()).isEqualTo(0.0);
    assertThat(updated.getModelVersion()).isEqualTo(wrong);
    assertThat(updated.getDecision()).isEqualTo(Decision.PROMOTED);
    String candidate = updated.getUpdate().getCandidateVersion();
    assertThat(candidate).isNotEmpty().isNotEqualTo(wrong);
    assertThat(h.models.getModel(GetModelRequest.getDefaultInstance()).getVersion())
        .isEqualTo(candidate);
    assertThat(updated.getUpdate().getJobId()).startsWith("job-");
    assertThat(
            h.models
                .getModel(GetModelRequest.newBuilder().setVersion(candidate).build())
                .getProvenance()
                .getJobId())
        .isEqualTo(updated.getUpdate().getJobId());
    Job update =
        h.training.getJob(
            GetJobRequest.newBuilder().setJobId(updated.getUpdate().getJobId()).build());
    assertThat(update.getKind()).isEqualTo(JobKind.VALIDATION_UPDATE);
    assertThat(h.models.getModel(GetModelRequest.getDefaultInstance()).getActivatedAt())
        .isEqualTo(Timestamps.toProto(h.core.ports.clock.instant()));
    assertThat(updated.getUpdate().getHoldoutMetric()).isEqualTo("mean_auc");
    assertThat(updated.getUpdate().getCandidateHoldoutValue())
        .isGreaterThan(updated.getUpdate().getActiveHoldoutValue());

    ListValidationRunsResponse first =
        h.training.listValidationRuns(
            ListValidationRunsRequest.newBuilder().setPageSize(1).build());
    ListValidationRunsResponse second =
        h.training.listValidationRuns(
            ListValidationRunsRequest.newBuilder()
                .setPageSize(1)
                .setPageToken(first.getNextPageToken())
                .build());
    assertThat(first.getRunsList())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.getRunId()).isEqualTo(updated.getRunId());
              assertThat(run.getUpdate().getCandidateVersion()).isEqualTo(candidate);
            });
    assertThat(second.getRunsList())
        .extracting(Evaluation::getRunId)
        .containsExactly(reported.getRunId());
    assertThat(second.getNextPageToken()).isEmpty();
    assertInvalid(
        () ->
            h.training.listValidationRuns(
                ListValidationRunsRequest.newBuilder().setPageToken("-1").build()),
        "pageToken");
  }

  @Test
  void aPassedDeadlineStopsTheUpdateAndLeavesTheDecisionAtUpdate() {
    Corpus.loadAndLabel(h);
    String wrong = trainInverted();
    labelDay2();
    h.core.ports.trainer.onStep(1, ValidateGrpcTest::awaitServerCancel);

    Status status =
        statusOf(
            () ->
                h.training
                    .withDeadlineAfter(300, TimeUnit.MILLISECONDS)
                    .validate(DAY_2.toBuilder().setUpdate(true).build()));

    assertThat(status.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    GrpcHarness.await(
        () -> !h.core.ports.validationRuns.list().isEmpty()); // the server records the run last
    assertThat(h.core.ports.validationRuns.list())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.decision()).isEqualTo(io.mmq.core.validation.model.Decision.UPDATE);
              assertThat(run.candidate()).isEmpty();
            });
    assertThat(
            h.training
                .listJobs(ListJobsRequest.newBuilder().setState(JobState.CANCELLED).build())
                .getJobsCount())
        .isEqualTo(1);
    assertThat(h.models.getModel(GetModelRequest.getDefaultInstance()).getVersion())
        .isEqualTo(wrong);
  }

  @Test
  void optionsTheCoreCannotHonourAreRejectedAtTheirField() {
    String active = Corpus.loadAndTrain(h);
    String candidate =
        TrainGrpcTest.drain(h.training.train(Corpus.train(Corpus.DAY_1, 2)))
            .get(3)
            .getFinished()
            .getModelVersion();
    labelDay2();

    assertInvalid(() -> h.training.validate(DAY_2.toBuilder().clearWindow().build()), "window");
    assertInvalid(
        () -> h.training.validate(DAY_2.toBuilder().setAccuracyThreshold(0.9).build()),
        "accuracyThreshold");
    assertInvalid(
        () -> h.training.validate(DAY_2.toBuilder().setCoincidenceThreshold(0.9).build()),
        "coincidenceThreshold");
    assertInvalid(
        () ->
            h.training.validate(
                DAY_2.toBuilder()
                    .setHyperparameters(Hyperparameters.newBuilder().setValidationFraction(0.3))
                    .build()),
        "hyperparameters.validationFraction");
    assertInvalid(
        () ->
            h.training.validate(
                DAY_2.toBuilder()
                    .setHyperparameters(Hyperparameters.newBuilder().setReplayFraction(1.0))
                    .build()),
        "hyperparameters.replayFraction");
    assertInvalid(
        () -> h.training.validate(DAY_2.toBuilder().setModelVersion(candidate).build()),
        "modelVersion");
    assertInvalid(
        () ->
            h.training.validate(DAY_2.toBuilder().setModelVersion(active).setUpdate(true).build()),
        "update");
    assertThat(
            statusOf(() -> h.training.validate(DAY_2.toBuilder().setModelVersion("m-none").build()))
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            h.training
                .validate(DAY_2.toBuilder().setModelVersion(active).build())
                .getModelVersion())
        .isEqualTo(active);
  }

  @Test
  void validatingWithoutAModelOrWithoutLabelsIsAFailedPrecondition() {
    Corpus.loadAndLabel(h);

    Status noModel =
        statusOf(
            () ->
                h.training.validate(ValidateRequest.newBuilder().setWindow(Corpus.DAY_1).build()));
    drain(h.training.train(Corpus.train(Corpus.DAY_1, 2)));
    Status noLabels =
        statusOf(
            () ->
                h.training.validate(ValidateRequest.newBuilder().setWindow(Corpus.DAY_3).build()));

    assertThat(noModel.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(noModel.getDescription()).contains("train").contains("promote");
    assertThat(noLabels.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(noLabels.getDescription()).contains("derive labels");
  }

  private void labelDay2() {
    h.training.deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_2).build());
  }

  /** Trains the active model with the fake's {@code fake.invert}: it predicts every label wrong. */
  private String trainInverted() {
    TrainRequest request =
        Corpus.train(Corpus.DAY_1, 2).toBuilder()
            .setHyperparameters(
                Hyperparameters.newBuilder()
                    .setMaxSteps(2)
                    .putAllExtra(Map.of("fake.invert", "true")))
            .build();
    var progress = drain(h.training.train(request));
    return progress.get(progress.size() - 1).getFinished().getModelVersion();
  }

  private static void awaitServerCancel() {
    CountDownLatch cancelled = new CountDownLatch(1);
    Context.current().addListener(context -> cancelled.countDown(), Runnable::run);
    try {
      assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
