package io.mmq.grpc.service;

import static io.mmq.grpc.service.GrpcHarness.assertInvalid;
import static io.mmq.grpc.service.GrpcHarness.statusOf;
import static io.mmq.grpc.service.TrainGrpcTest.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.grpc.Status;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.JobKind;
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
import io.mmq.proto.v1.RecordEngagementRequest;
import io.mmq.proto.v1.ReferenceStatistic;
import io.mmq.proto.v1.TaskLabelCounts;
import io.mmq.proto.v1.TaskSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    assertInvalid(() -> h.training.deriveLabels(ok.toBuilder().setLevels(1).build()), "levels");
    assertInvalid(
        () -> h.training.deriveLabels(ok.toBuilder().setLevelWidth(0.5).build()), "levelWidth");
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

  /**
   * Day 1 plus x-1 with ctr 0.03 and no dwell. ctr: mean about 0.03 (reference degree about 50),
   * degrees 23.1 (the six 0.01s), 50 (x-1), 76.9 (the six 0.05s), spread 25.9: z about -1, 0, +1
   * -> levels 0, 1, 2 of three. dwell: x-1 has no value; median 35 splits 10s and 60s: levels 0
   * and 2.
   */
  @Test
  void aDryRunCountsLevelsAsARealRunDoesAndStoresNothing() {
    Corpus.load(h);
    Corpus.record(
        h,
        List.of(
            RecordEngagementRequest.newBuilder()
                .addRecords(
                    Corpus.record("x-1", Corpus.DAY_1, 0.03, 0).toBuilder().removeMetrics("dwell"))
                .build()));
    h.training.deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_2).build());
    List<LabelledResource> day2 = h.core.ports.labels.inWindow(window(Corpus.DAY_2));
    DeriveLabelsRequest request =
        DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_1).setLevels(3).build();

    DeriveLabelsResponse dry =
        h.training.deriveLabels(request.toBuilder().setDryRun(true).build());

    assertThat(h.core.ports.labels.windows()).containsExactly(window(Corpus.DAY_2));
    assertThat(h.core.ports.labels.inWindow(window(Corpus.DAY_2))).isEqualTo(day2);
    assertThat(dry.getDryRun()).isTrue();
    assertThat(dry.getResources()).isEqualTo(13);
    TaskLabelCounts ctr = dry.getTasksOrThrow("ctr");
    assertThat(ctr.getLevelCountsList()).containsExactly(6L, 1L, 6L);
    assertThat(ctr.getLevelCountsList().stream().mapToLong(Long::longValue).sum())
        .as("every record has a ctr")
        .isEqualTo(13);
    TaskLabelCounts dwell = dry.getTasksOrThrow("dwell");
    assertThat(dwell.getLevelCountsList()).containsExactly(6L, 0L, 6L);
    assertThat(dwell.getMasked()).as("x-1 has no dwell").isEqualTo(1);
    assertThat(dwell.getLevelCountsList().stream().mapToLong(Long::longValue).sum())
        .as("the eligible records")
        .isEqualTo(dry.getResources() - dwell.getMasked());
    DeriveLabelsResponse real = h.training.deriveLabels(request);
    assertThat(real.getDryRun()).isFalse();
    assertThat(real.getTasksMap()).isEqualTo(dry.getTasksMap());
    assertThat(h.core.ports.labels.windows())
        .containsExactly(window(Corpus.DAY_1), window(Corpus.DAY_2));
  }

  @Test
  void levelCountsAreEmptyUnlessAskedForAndFollowTheWidth() {
    Corpus.load(h);
    DeriveLabelsRequest day1 = DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_1).build();

    // six 0.01s and six 0.05s: degrees 25 and 75 around 50, spread 25: z = -1 and +1
    DeriveLabelsResponse plain = h.training.deriveLabels(day1);
    DeriveLabelsResponse wide =
        h.training.deriveLabels(day1.toBuilder().setLevels(5).setLevelWidth(2.5).build());

    assertThat(plain.getTasksOrThrow("ctr").getLevelCountsList()).isEmpty();
    // cuts at -3.75, -1.25, 1.25, 3.75: both sides fall in the middle level
    assertThat(wide.getTasksOrThrow("ctr").getLevelCountsList()).containsExactly(0L, 0L, 12L, 0L, 0L);
  }

  @Test
  void getJobReadsAJobAndRejectsAnEmptyOrUnknownId() {
    Corpus.loadAndLabel(h);
    String jobId =
        drain(h.training.train(Corpus.train(Corpus.DAY_1, 3))).get(0).getStarted().getJobId();

    Job job = h.training.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());

    assertThat(job.getJobId()).isEqualTo(jobId);
    assertThat(job.getKind()).isEqualTo(io.mmq.proto.v1.JobKind.TRAIN);
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
        TrainingJob.started(
            new JobId("job-orphan"), JobKind.TRAIN, window(Corpus.DAY_1), 10, at));

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
            new JobId("job-orphan"), JobKind.TRAIN, window(Corpus.DAY_1), 10,
            h.core.ports.clock.instant()));

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
