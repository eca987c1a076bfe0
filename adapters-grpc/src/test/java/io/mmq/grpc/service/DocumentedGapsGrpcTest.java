package io.mmq.grpc.service;

import static io.mmq.grpc.service.TrainGrpcTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.proto.v1.GetJobRequest;
import io.mmq.proto.v1.Job;
import io.mmq.proto.v1.ListJobsRequest;
import io.mmq.proto.v1.TrainProgress;
import io.mmq.proto.v1.TrainRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pins what the mmq.v1 comments say is not filled yet, so that the contract and the server change
 * together: whoever fills one of these fields updates its comment in the .proto and this test.
 */
class DocumentedGapsGrpcTest {
  private final GrpcHarness h = new GrpcHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void trainWithoutMaxStepsReportsZeroInStartedAndTheTrainersCapInSteps() {
    Corpus.loadAndLabel(h);
    TrainRequest request = Corpus.train(Corpus.DAY_1, 1).toBuilder().clearHyperparameters().build();

    List<TrainProgress> progress = drain(h.training.train(request));

    TrainProgress.Started started = progress.get(0).getStarted();
    assertThat(started.getMaxSteps()).isZero(); // 0 unless hyperparameters.maxSteps is given
    List<TrainProgress.Step> steps =
        progress.stream().filter(TrainProgress::hasStep).map(TrainProgress::getStep).toList();
    assertThat(steps).isNotEmpty();
    int cap = steps.get(steps.size() - 1).getMaxSteps();
    assertThat(cap).isPositive(); // the trainer's effective cap
    TrainProgress.Finished finished = progress.get(progress.size() - 1).getFinished();
    assertThat(finished.getEvaluation().getAccuracyThreshold()).isNaN(); // training decides nothing
    assertThat(finished.getEvaluation().getRunId()).isEmpty();
    assertThat(finished.getEvaluation().hasUpdate()).isFalse();
  }

  @Test
  void jobsHaveNoRequestStartWhenCreatedAndReadBackWithoutCancelRequested() {
    Corpus.loadAndLabel(h);
    String jobId =
        drain(h.training.train(Corpus.train(Corpus.DAY_1, 2))).get(0).getStarted().getJobId();

    Job job = h.training.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());

    assertThat(job.hasRequest()).isFalse();
    assertThat(job.getStartedAt()).isEqualTo(job.getCreatedAt());
    assertThat(job.getCancelRequested()).isFalse();
    assertThat(job.getLastStep().getTaskLossMap()).isEmpty();
    assertThat(job.getLastStep().getLoss()).isZero();
    assertThat(h.training.listJobs(ListJobsRequest.getDefaultInstance()).getJobsList())
        .singleElement()
        .satisfies(listed -> assertThat(listed.getCancelRequested()).isFalse());
  }
}
