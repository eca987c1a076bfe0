package io.mmq.grpc.service;

import static io.mmq.grpc.service.GrpcHarness.assertBadField;
import static io.mmq.grpc.service.GrpcHarness.assertInvalid;
import static io.mmq.grpc.service.GrpcHarness.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.grpc.Context;
import io.grpc.Status;
import io.mmq.proto.v1.Decision;
import io.mmq.proto.v1.GetJobRequest;
import io.mmq.proto.v1.GetModelRequest;
import io.mmq.proto.v1.Hyperparameters;
import io.mmq.proto.v1.Job;
import io.mmq.proto.v1.JobState;
import io.mmq.proto.v1.ListJobsRequest;
import io.mmq.proto.v1.ListModelsRequest;
import io.mmq.proto.v1.ModelStatus;
import io.mmq.proto.v1.TrainProgress;
import io.mmq.proto.v1.TrainRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainGrpcTest {
  private final GrpcHarness h = new GrpcHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void trainStreamsStartedThenEveryStepThenFinished() {
    Corpus.loadAndLabel(h);
    long seed = Corpus.seedHoldingOutBothKinds();

    List<TrainProgress> progress = drain(h.training.train(Corpus.train(Corpus.DAY_1, 4)));

    assertThat(progress).hasSize(6);
    TrainProgress.Started started = progress.get(0).getStarted();
    assertThat(started.getJobId()).startsWith("job-");
    assertThat(started.getSeed()).isEqualTo(seed);
    assertThat(started.getMaxSteps()).isEqualTo(4);
    assertThat(started.getWindow()).isEqualTo(Corpus.DAY_1);
    assertThat(started.getValidationExamples()).isEqualTo(Corpus.heldOut(seed));
    assertThat(started.getTrainExamples()).isEqualTo(12 - Corpus.heldOut(seed));
    assertThat(h.core.ports.trainer.lastCall().training()).hasSize(started.getTrainExamples());
    for (int i = 1; i <= 4; i++) {
      TrainProgress.Step step = progress.get(i).getStep();
      assertThat(step.getStep()).isEqualTo(i);
      assertThat(step.getMaxSteps()).isEqualTo(4);
      // the fake's step i learns the training examples j with j % 4 == i - 1, and the harness's
      // stopwatch advances half a second between two reports
      int learned = (started.getTrainExamples() - i + 4) / 4;
      assertThat(step.getExamplesPerSecond())
          .isCloseTo(learned / 0.5, within(1e-9));
      assertThat(step.getTaskLossMap()).containsOnlyKeys("ctr", "dwell");
      // joint loss = 1.0 * ctr + 0.5 * dwell (the task set's weights)
      assertThat(step.getLoss())
          .isCloseTo(
              step.getTaskLossOrThrow("ctr") + 0.5 * step.getTaskLossOrThrow("dwell"),
              within(1e-12));
    }
    // after the last step every training article is learned: held-out great above held-out poor
    assertThat(progress.get(4).getStep().getTaskValidationAucMap()).containsEntry("ctr", 1.0);
    TrainProgress.Finished finished = progress.get(5).getFinished();
    assertThat(finished.getModelVersion())
        .isEqualTo(h.models.getModel(GetModelRequest.getDefaultInstance()).getVersion());
    assertThat(finished.getActivated()).isTrue();
    assertThat(finished.getStopReason()).isEqualTo("max_steps");
    assertThat(finished.getEvaluation().getDecision()).isEqualTo(Decision.PROMOTED);
    assertThat(finished.getEvaluation().getEvaluated()).isEqualTo(Corpus.heldOut(seed));
    assertThat(finished.getEvaluation().getTasksOrThrow("ctr").getAuc()).isEqualTo(1.0);
    // the core evaluated the new model on the held-out resources with the validation policy
    assertThat(finished.getEvaluation().getCoincidenceThreshold()).isEqualTo(0.5);
    assertThat(finished.getEvaluation().getAccuracy())
        .isEqualTo(finished.getEvaluation().getAccurate() / (double) Corpus.heldOut(seed));
    assertThat(finished.getEvaluation().getAccuracyThreshold()).isNaN();
    assertThat(h.core.ports.trainer.lastCall().config().seed()).isEqualTo(seed);
    assertThat(h.core.ports.trainer.lastCall().config().hyperparameters())
        .isEqualTo(Map.of("steps", "4"));

    Job job = h.training.getJob(GetJobRequest.newBuilder().setJobId(started.getJobId()).build());
    assertThat(job.getState()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.getModelVersion()).isEqualTo(finished.getModelVersion());
    assertThat(job.getLastStep().getStep()).isEqualTo(4);
    assertThat(job.hasFinishedAt()).isTrue();
    assertThat(job.getEvaluation().getTasksOrThrow("ctr").getAuc()).isEqualTo(1.0);
  }

  @Test
  void aStopOnTheLossThresholdIsReportedAsSuch() {
    Corpus.loadAndLabel(h);

    List<TrainProgress> progress =
        drain(
            h.training.train(
                with(
                    Corpus.train(Corpus.DAY_1, 4),
                    Hyperparameters.newBuilder().setMaxSteps(4).setLossThreshold(100))));

    // any log-loss is under 100: the fake trainer, like the real one, stops after the first report
    assertThat(progress).hasSize(3);
    assertThat(progress.get(1).getStep().getStep()).isEqualTo(1);
    assertThat(progress.get(2).getFinished().getStopReason()).isEqualTo("loss_threshold");
  }

  @Test
  void withActivateIfNoneFalseTheFirstModelStaysACandidate() {
    Corpus.loadAndLabel(h);

    List<TrainProgress> progress =
        drain(h.training.train(Corpus.train(Corpus.DAY_1, 2).toBuilder().setActivateIfNone(false).build()));

    TrainProgress.Finished finished = progress.get(progress.size() - 1).getFinished();
    assertThat(finished.getActivated()).isFalse();
    assertThat(finished.getEvaluation().getDecision()).isEqualTo(Decision.KEEP);
    assertThat(
            h.models
                .getModel(GetModelRequest.newBuilder().setVersion(finished.getModelVersion()).build())
                .getStatus())
        .isEqualTo(ModelStatus.CANDIDATE);
    assertThat(statusOf(() -> h.models.getModel(GetModelRequest.getDefaultInstance())).getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);

    // absent, the server activates when none is active
    List<TrainProgress> absent =
        drain(h.training.train(Corpus.train(Corpus.DAY_1, 2).toBuilder().clearActivateIfNone().build()));
    assertThat(absent.get(absent.size() - 1).getFinished().getActivated()).isTrue();
  }

  @Test
  void aFirstModelThatCannotBeLoadedFailsTheJobAndStaysACandidate() {
    Corpus.loadAndLabel(h);
    h.core.unreadableArtifacts = true;
    List<TrainProgress> seen = new ArrayList<>();

    Status status =
        statusOf(
            () -> h.training.train(Corpus.train(Corpus.DAY_1, 2)).forEachRemaining(seen::add));

    assertThat(status.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(status.getDescription()).contains("cannot be served").contains("no model is served");
    Job job =
        h.training.getJob(
            GetJobRequest.newBuilder().setJobId(seen.get(0).getStarted().getJobId()).build());
    assertThat(job.getState()).isEqualTo(JobState.FAILED);
    assertThat(h.models.listModels(ListModelsRequest.getDefaultInstance()).getModelsList())
        .singleElement()
        .satisfies(
            model -> {
              assertThat(model.getStatus()).isEqualTo(ModelStatus.CANDIDATE);
              assertThat(model.getProvenance().getJobId()).isEmpty(); // its job failed
            });
  }

  @Test
  void aSecondTrainingStaysACandidateAndTheServerChoosesAnAbsentSeed() {
    String first = Corpus.loadAndTrain(h);

    TrainRequest request =
        Corpus.train(Corpus.DAY_1, 2).toBuilder().clearSeed().setActivateIfNone(false).build();
    List<TrainProgress> progress = drain(h.training.train(request));

    assertThat(progress.get(0).getStarted().getSeed()).isEqualTo(42L); // the harness's seed source
    TrainProgress.Finished finished = progress.get(progress.size() - 1).getFinished();
    assertThat(finished.getActivated()).isFalse();
    assertThat(finished.getEvaluation().getDecision()).isEqualTo(Decision.KEEP);
    assertThat(h.models.getModel(GetModelRequest.getDefaultInstance()).getVersion())
        .isEqualTo(first);
  }

  @Test
  void extraSettingsPassThroughAndASettingTheTrainerRejectsIsReportedAtItsField() {
    Corpus.loadAndLabel(h);
    TrainRequest base = Corpus.train(Corpus.DAY_1, 2);

    drain(
        h.training.train(
            base.toBuilder()
                .setHyperparameters(
                    Hyperparameters.newBuilder().setMaxSteps(2).putExtra("smoothing", "2.5"))
                .build()));
    assertThat(h.core.ports.trainer.lastCall().config().hyperparameters())
        .isEqualTo(Map.of("steps", "2", "smoothing", "2.5"));

    // the fake trainer, like a real one, rejects names it does not know
    assertInvalid(
        () ->
            drain(
                h.training.train(
                    base.toBuilder()
                        .setHyperparameters(Hyperparameters.newBuilder().setBatchSize(32))
                        .build())),
        "hyperparameters.batchSize");
    assertInvalid(
        () ->
            drain(
                h.training.train(
                    base.toBuilder()
                        .setHyperparameters(Hyperparameters.newBuilder().putExtra("dropout", "0.1"))
                        .build())),
        "hyperparameters.extra[\"dropout\"]");
    List<Job> failed =
        h.training
            .listJobs(ListJobsRequest.newBuilder().setState(JobState.FAILED).build())
            .getJobsList();
    assertThat(failed)
        .extracting(Job::getError)
        .hasSize(2)
        .anySatisfy(error -> assertThat(error).contains("batchSize"))
        .anySatisfy(error -> assertThat(error).contains("dropout"));
  }

  @Test
  void malformedTrainRequestsNameTheField() {
    Corpus.loadAndLabel(h);
    TrainRequest ok = Corpus.train(Corpus.DAY_1, 2);

    assertInvalid(() -> drain(h.training.train(ok.toBuilder().clearWindow().build())), "window");
    assertInvalid(
        () ->
            drain(
                h.training.train(
                    ok.toBuilder()
                        .setWindow(Corpus.window("2016-06-25T00:00:00Z", "2016-06-24T00:00:00Z"))
                        .build())),
        "window.end");
    assertInvalid(
        () -> drain(h.training.train(with(ok, Hyperparameters.newBuilder().setMaxSteps(0)))),
        "hyperparameters.maxSteps");
    assertInvalid(
        () ->
            drain(
                h.training.train(
                    with(ok, Hyperparameters.newBuilder().setLearningRate(Double.NaN)))),
        "hyperparameters.learningRate");
    assertInvalid(
        () ->
            drain(
                h.training.train(
                    with(ok, Hyperparameters.newBuilder().setValidationFraction(1.5)))),
        "hyperparameters.validationFraction");
    assertInvalid(
        () ->
            drain(h.training.train(with(ok, Hyperparameters.newBuilder().setReplayFraction(0.3)))),
        "hyperparameters.replayFraction");
    assertInvalid(
        () -> drain(h.training.train(ok.toBuilder().setFineTuneFrom("").build())), "fineTuneFrom");
    Hyperparameters.Builder many = Hyperparameters.newBuilder();
    for (int i = 0; i <= 64; i++) {
      many.putExtra("k" + i, "v");
    }
    assertBadField(
        () -> drain(h.training.train(with(ok, many))),
        Status.Code.RESOURCE_EXHAUSTED,
        "hyperparameters.extra");
    assertThat(h.training.listJobs(ListJobsRequest.getDefaultInstance()).getJobsList()).isEmpty();
  }

  @Test
  void noLabelledResourcesIsAFailedPreconditionAndAnUnknownBaseIsNotFound() {
    Corpus.loadAndLabel(h);

    Status noLabels = statusOf(() -> drain(h.training.train(Corpus.train(Corpus.DAY_3, 2))));
    assertThat(noLabels.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(noLabels.getDescription()).contains("derive labels");

    Status unknown =
        statusOf(
            () ->
                drain(
                    h.training.train(
                        Corpus.train(Corpus.DAY_1, 2).toBuilder()
                            .setFineTuneFrom("m-none")
                            .build())));
    assertThat(unknown.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(unknown.getDescription()).contains("m-none");
  }

  @Test
  void cancellingTheCallCancelsTheJobAndKeepsTheActiveModel() throws Exception {
    String active = Corpus.loadAndTrain(h);
    h.core.ports.trainer.onStep(3, TrainGrpcTest::awaitServerCancel);

    Context.CancellableContext context = Context.current().withCancellation();
    List<TrainProgress> seen = new ArrayList<>();
    Status status =
        statusOf(
            () ->
                context.call(
                    () -> {
                      Iterator<TrainProgress> stream =
                          h.training.train(Corpus.train(Corpus.DAY_1, 5));
                      for (int i = 0; i < 3; i++) { // started, step 1, step 2
                        seen.add(stream.next());
                      }
                      context.cancel(null);
                      return stream.next();
                    }));

    assertThat(status.getCode()).isEqualTo(Status.Code.CANCELLED);
    assertThat(seen.get(2).getStep().getStep()).isEqualTo(2);
    Job job = awaitFinalState(seen.get(0).getStarted().getJobId());
    assertThat(job.getState()).isEqualTo(JobState.CANCELLED);
    assertThat(job.getModelVersion()).isEmpty();
    assertThat(h.models.getModel(GetModelRequest.getDefaultInstance()).getVersion())
        .isEqualTo(active);
    assertThat(h.models.listModels(ListModelsRequest.getDefaultInstance()).getModelsCount())
        .isEqualTo(1);
  }

  @Test
  void aPassedDeadlineCancelsTheJob() throws Exception {
    Corpus.loadAndLabel(h);
    h.core.ports.trainer.onStep(2, TrainGrpcTest::awaitServerCancel);

    Status status =
        statusOf(
            () ->
                drain(
                    h.training
                        .withDeadlineAfter(300, TimeUnit.MILLISECONDS)
                        .train(Corpus.train(Corpus.DAY_1, 4))));

    assertThat(status.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    Job job = awaitFinalState(h.core.ports.jobs.list().get(0).id().value());
    assertThat(job.getState()).isEqualTo(JobState.CANCELLED);
    assertThat(h.models.listModels(ListModelsRequest.getDefaultInstance()).getModelsCount())
        .isZero();
  }

  @Test
  void cancelJobStopsARunningTrainingWhoseStreamEndsCancelled() {
    Corpus.loadAndLabel(h);
    List<Job> whileRunning = new ArrayList<>();
    h.core.ports.trainer.onStep(
        3,
        () -> {
          String id = h.core.ports.jobs.list().get(0).id().value();
          whileRunning.add(
              h.training.cancelJob(
                  io.mmq.proto.v1.CancelJobRequest.newBuilder().setJobId(id).build()));
        });

    Status status = statusOf(() -> drain(h.training.train(Corpus.train(Corpus.DAY_1, 5))));

    assertThat(status.getCode()).isEqualTo(Status.Code.CANCELLED);
    assertThat(whileRunning)
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.getState()).isEqualTo(JobState.RUNNING);
              assertThat(job.getCancelRequested()).isTrue();
            });
    Job job =
        h.training.getJob(
            GetJobRequest.newBuilder().setJobId(whileRunning.get(0).getJobId()).build());
    assertThat(job.getState()).isEqualTo(JobState.CANCELLED);
    assertThat(job.getLastStep().getStep()).isEqualTo(2);
  }

  private static TrainRequest with(TrainRequest request, Hyperparameters.Builder hyperparameters) {
    return request.toBuilder().setHyperparameters(hyperparameters).build();
  }

  static List<TrainProgress> drain(Iterator<TrainProgress> stream) {
    List<TrainProgress> all = new ArrayList<>();
    stream.forEachRemaining(all::add);
    return all;
  }

  /** Runs on the server's call thread (inside the trainer): waits until the call is cancelled. */
  private static void awaitServerCancel() {
    CountDownLatch cancelled = new CountDownLatch(1);
    Context.current().addListener(context -> cancelled.countDown(), Runnable::run);
    try {
      assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the call was cancelled").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private Job awaitFinalState(String jobId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Job job = h.training.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
      if (job.getState() != JobState.RUNNING || System.nanoTime() > deadline) {
        return job;
      }
      Thread.sleep(10);
    }
  }
}
