package io.mmq.grpc.service;

import static io.mmq.grpc.service.GrpcHarness.assertInvalid;
import static io.mmq.grpc.service.GrpcHarness.statusOf;
import static io.mmq.grpc.service.TrainGrpcTest.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.grpc.Status;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.proto.v1.CancelJobRequest;
import io.mmq.proto.v1.DeriveLabelsRequest;
import io.mmq.proto.v1.DeriveLabelsResponse;
import io.mmq.proto.v1.Direction;
import io.mmq.proto.v1.GetJobRequest;
import io.mmq.proto.v1.Job;
import io.mmq.proto.v1.JobState;
import io.mmq.proto.v1.ListJobsRequest;
import io.mmq.proto.v1.ListJobsResponse;
import io.mmq.proto.v1.ReferenceStatistic;
import io.mmq.proto.v1.TaskLabelCounts;
import io.mmq.proto.v1.TaskSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LabelsAndJobsGrpcTest {
  private final GrpcHarness h = new GrpcHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void deriveLabelsCountsEachTaskOfTheWindowAndStoresTheLabels() {
    Corpus.load(h);

    DeriveLabelsResponse response =
        h.training.deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_1).build());

    assertThat(response.getWindow()).isEqualTo(Corpus.DAY_1);
    assertThat(response.getResources()).isEqualTo(12);
    assertThat(response.getDryRun()).isFalse();
    TaskLabelCounts ctr = response.getTasksOrThrow("ctr");
    assertThat(ctr.getPositive()).isEqualTo(6);
    assertThat(ctr.getNegative()).isEqualTo(6);
    assertThat(ctr.getMasked()).isZero();
    assertThat(ctr.getReferenceValue())
        .isCloseTo(0.03, within(1e-12)); // (6 * 0.05 + 6 * 0.01) / 12
    assertThat(response.getTasksOrThrow("dwell").getReferenceValue())
        .isEqualTo(35.0); // (10 + 60) / 2
    // each reference lies above the six low values and below the six high ones: degree 50
    assertThat(ctr.getReferenceDegree()).isEqualTo(50.0);
    assertThat(response.getTasksOrThrow("dwell").getReferenceDegree()).isEqualTo(50.0);
    assertThat(h.core.ports.labels.windows()).containsExactly(window(Corpus.DAY_1));
  }

  @Test
  void aRangeOfSeveralDaysHasNoSingleReferenceAndAnEmptyWindowCountsZero() {
    Corpus.load(h);

    DeriveLabelsResponse both =
        h.training.deriveLabels(
            DeriveLabelsRequest.newBuilder()
                .setWindow(Corpus.window("2016-06-24T00:00:00Z", "2016-06-26T00:00:00Z"))
                .build());
    DeriveLabelsResponse empty =
        h.training.deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_3).build());

    assertThat(both.getResources()).isEqualTo(24);
    assertThat(both.getTasksOrThrow("ctr").getPositive()).isEqualTo(12);
    assertThat(both.getTasksOrThrow("ctr").getReferenceValue()).isNaN();
    assertThat(both.getTasksOrThrow("ctr").getReferenceDegree()).isNaN();
    assertThat(empty.getResources()).isZero();
    assertThat(empty.getTasksOrThrow("ctr").getPositive()).isZero();
    assertThat(empty.getTasksOrThrow("ctr").getReferenceDegree()).isNaN();
  }

  @Test
  void deriveLabelsAcceptsTheCurrentTaskSetAndRejectsWhatItCannotHonour() {
    Corpus.load(h);
    DeriveLabelsRequest ok = DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_1).build();

    assertThat(
            h.training
                .deriveLabels(ok.toBuilder().setTaskSet(Corpus.TASKS).build())
                .getTasksCount())
        .isEqualTo(2);
    assertInvalid(() -> h.training.deriveLabels(ok.toBuilder().clearWindow().build()), "window");
    assertInvalid(
        () ->
            h.training.deriveLabels(
                ok.toBuilder().setWindow(Corpus.DAY_1.toBuilder().clearStart()).build()),
        "window.start");
    assertInvalid(() -> h.training.deriveLabels(ok.toBuilder().setDryRun(true).build()), "dryRun");
    TaskSet other =
        TaskSet.newBuilder().addTasks(Corpus.task("ctr", ReferenceStatistic.MEDIAN, 1.0)).build();
    assertInvalid(
        () -> h.training.deriveLabels(ok.toBuilder().setTaskSet(other).build()), "taskSet");
    TaskSet malformed =
        TaskSet.newBuilder()
            .addTasks(
                Corpus.task("ctr", ReferenceStatistic.MEAN, 1.0).toBuilder()
                    .setDirection(Direction.DIRECTION_UNSPECIFIED))
            .build();
    assertInvalid(
        () -> h.training.deriveLabels(ok.toBuilder().setTaskSet(malformed).build()),
        "taskSet.tasks[0].direction");
  }

  @Test
  void getJobReadsAJobAndRejectsAnEmptyOrUnknownId() {
    Corpus.loadAndLabel(h);
    String jobId =
        drain(h.training.train(Corpus.train(Corpus.DAY_1, 3))).get(0).getStarted().getJobId();

    Job job = h.training.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());

    assertThat(job.getJobId()).isEqualTo(jobId);
    assertThat(job.getState()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.getWindow()).isEqualTo(Corpus.DAY_1);
    assertThat(job.getLastStep().getMaxSteps()).isEqualTo(3);
    assertInvalid(() -> h.training.getJob(GetJobRequest.getDefaultInstance()), "jobId");
    Status unknown =
        statusOf(() -> h.training.getJob(GetJobRequest.newBuilder().setJobId("job-x").build()));
    assertThat(unknown.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(unknown.getDescription()).contains("job-x");
  }

  @Test
  void cancelJobRefusesAnEndedJobIsANoOpOnACancelledOneAndEndsAnOrphan() {
    Corpus.loadAndLabel(h);
    String succeeded =
        drain(h.training.train(Corpus.train(Corpus.DAY_1, 2))).get(0).getStarted().getJobId();
    // a job recorded RUNNING by a process that has gone: nothing here runs it
    Instant at = h.core.ports.clock.instant();
    h.core.ports.jobs.save(
        TrainingJob.started(new JobId("job-orphan"), window(Corpus.DAY_1), 10, at));

    Status ended = statusOf(() -> h.training.cancelJob(cancel(succeeded)));
    Job orphan = h.training.cancelJob(cancel("job-orphan"));
    Job again = h.training.cancelJob(cancel("job-orphan"));

    assertThat(ended.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(ended.getDescription()).contains("SUCCEEDED");
    assertThat(orphan.getState()).isEqualTo(JobState.CANCELLED);
    assertThat(orphan.getCancelRequested()).isFalse();
    assertThat(orphan.hasFinishedAt()).isTrue();
    assertThat(again).isEqualTo(orphan);
    assertThat(statusOf(() -> h.training.cancelJob(cancel("job-none"))).getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertInvalid(() -> h.training.cancelJob(cancel("")), "jobId");
  }

  @Test
  void listJobsFiltersByStateAndPagesByToken() {
    Corpus.loadAndLabel(h);
    for (int i = 0; i < 3; i++) {
      drain(h.training.train(Corpus.train(Corpus.DAY_1, 2)));
      h.core.ports.clock.advance(Duration.ofMinutes(1));
    }
    h.core.ports.jobs.save(
        TrainingJob.started(
            new JobId("job-orphan"), window(Corpus.DAY_1), 10, h.core.ports.clock.instant()));

    ListJobsResponse first =
        h.training.listJobs(ListJobsRequest.newBuilder().setPageSize(3).build());
    ListJobsResponse second =
        h.training.listJobs(
            ListJobsRequest.newBuilder()
                .setPageSize(3)
                .setPageToken(first.getNextPageToken())
                .build());
    ListJobsResponse running =
        h.training.listJobs(ListJobsRequest.newBuilder().setState(JobState.RUNNING).build());

    assertThat(first.getJobsCount()).isEqualTo(3);
    assertThat(first.getJobs(0).getJobId()).isEqualTo("job-orphan"); // newest first
    assertThat(first.getNextPageToken()).isEqualTo("3");
    assertThat(second.getJobsCount()).isEqualTo(1);
    assertThat(second.getNextPageToken()).isEmpty();
    assertThat(running.getJobsList()).extracting(Job::getJobId).containsExactly("job-orphan");
    assertThat(
            h.training
                .listJobs(ListJobsRequest.newBuilder().setState(JobState.QUEUED).build())
                .getJobsList())
        .isEmpty();
    assertInvalid(
        () -> h.training.listJobs(ListJobsRequest.newBuilder().setPageToken("abc").build()),
        "pageToken");
    assertInvalid(
        () -> h.training.listJobs(ListJobsRequest.newBuilder().setPageSize(-1).build()),
        "pageSize");
    assertInvalid(
        () ->
            h.training.listJobs(
                ListJobsRequest.newBuilder().setState(JobState.JOB_STATE_UNSPECIFIED).build()),
        "state");
  }

  private static CancelJobRequest cancel(String id) {
    return CancelJobRequest.newBuilder().setJobId(id).build();
  }

  private static TimeWindow window(io.mmq.proto.v1.TimeWindow proto) {
    return TimeWindow.of(
        Instant.ofEpochSecond(proto.getStart().getSeconds()),
        Instant.ofEpochSecond(proto.getEnd().getSeconds()));
  }
}
