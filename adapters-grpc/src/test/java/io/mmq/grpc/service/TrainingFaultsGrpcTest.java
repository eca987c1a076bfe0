package io.mmq.grpc.service;

import static io.mmq.grpc.service.GrpcHarness.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.mmq.proto.v1.CancelJobRequest;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.ClassifyResponse;
import io.mmq.proto.v1.GetJobRequest;
import io.mmq.proto.v1.GetModelRequest;
import io.mmq.proto.v1.GetResourceRequest;
import io.mmq.proto.v1.Job;
import io.mmq.proto.v1.JobState;
import io.mmq.proto.v1.ListJobsRequest;
import io.mmq.proto.v1.ListModelsRequest;
import io.mmq.proto.v1.UpsertResourcesRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R21 over gRPC: while a model is active, a Train whose trainer crashes mid-way and a Train that
 * is cancelled leave that model serving Classify, and GetJob shows how each ended and why; a store
 * outage answers UNAVAILABLE and the same calls work again once it is back.
 */
class TrainingFaultsGrpcTest {
  private final GrpcHarness h = new GrpcHarness();
  private String active;

  @BeforeEach
  void trainAModel() {
    active = Corpus.loadAndTrain(h);
  }

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void aTrainerCrashFailsTheJobWithItsReasonAndTheActiveModelKeepsServing() {
    h.core.ports.trainer.failAtStep(
        3, new IllegalStateException("native training op failed: out of memory"));

    Status status = statusOf(() -> TrainGrpcTest.drain(h.training.train(Corpus.train(Corpus.DAY_1, 5))));

    assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getDescription())
        .as("the cause is logged, never sent")
        .isEqualTo("internal error");
    Job job = newestJob();
    assertThat(job.getState()).isEqualTo(JobState.FAILED);
    assertThat(job.getError()).isEqualTo("native training op failed: out of memory");
    assertThat(job.getLastStep().getStep()).isEqualTo(2);
    assertThat(job.getModelVersion()).isEmpty();
    assertStillServing();
  }

  @Test
  void aCancelledTrainingEndsCancelledAndTheActiveModelKeepsServing() {
    h.core.ports.trainer.onStep(
        2,
        () ->
            h.training.cancelJob(
                CancelJobRequest.newBuilder()
                    .setJobId(h.core.ports.jobs.list().get(0).id().value())
                    .build()));

    Status status = statusOf(() -> TrainGrpcTest.drain(h.training.train(Corpus.train(Corpus.DAY_1, 5))));

    assertThat(status.getCode()).isEqualTo(Status.Code.CANCELLED);
    Job job = newestJob();
    assertThat(job.getState()).isEqualTo(JobState.CANCELLED);
    assertThat(job.getError()).as("the API gives a reason for FAILED only").isEmpty();
    assertThat(job.getLastStep().getStep()).isEqualTo(1);
    assertStillServing();
  }

  @Test
  void aStoreOutageIsUnavailableStoresNothingAndRecoversByItself() {
    h.core.ports.resources.faults().goDown();

    for (Status status :
        List.of(
            statusOf(() -> h.classification.classify(classifyGreat())),
            statusOf(
                () -> h.catalog.getResource(GetResourceRequest.newBuilder().setId("g-1").build())))) {
      assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(status.getDescription()).isEqualTo("the database is unavailable; retry later");
    }
    h.core.ports.registry.faults().goDown();
    assertThat(statusOf(() -> h.models.listModels(ListModelsRequest.getDefaultInstance())).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);

    h.core.ports.resources.faults().comeBack();
    h.core.ports.registry.faults().comeBack();
    assertStillServing();
    assertThat(
            Corpus.upload(
                    h,
                    List.of(
                        UpsertResourcesRequest.newBuilder()
                            .addResources(Corpus.resource("new-1", "great story"))
                            .build()))
                .getAccepted())
        .isEqualTo(1);
  }

  @Test
  void aWriteThatFailsMidUploadIsUnavailableAndLeavesTheCatalogueAsItWas() {
    long before = h.core.ports.resources.count();
    h.core.ports.resources.faults().failNextWrites(1);

    Throwable failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                Corpus.upload(
                    h,
                    List.of(
                        UpsertResourcesRequest.newBuilder()
                            .addResources(Corpus.resource("new-1", "great story"))
                            .addResources(Corpus.resource("new-2", "great story"))
                            .build())));

    assertThat(Status.fromThrowable(failure).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(h.core.ports.resources.count()).isEqualTo(before);
  }

  private Job newestJob() {
    String id =
        h.training.listJobs(ListJobsRequest.getDefaultInstance()).getJobsList().stream()
            .map(Job::getJobId)
            .max(String::compareTo)
            .orElseThrow();
    return h.training.getJob(GetJobRequest.newBuilder().setJobId(id).build());
  }

  private void assertStillServing() {
    assertThat(h.models.getModel(GetModelRequest.getDefaultInstance()).getVersion())
        .isEqualTo(active);
    assertThat(h.models.listModels(ListModelsRequest.getDefaultInstance()).getModelsCount())
        .isEqualTo(1);
    ClassifyResponse response = h.classification.classify(classifyGreat());
    assertThat(response.getModelVersion()).isEqualTo(active);
    assertThat(response.getResultsCount()).isEqualTo(2);
  }

  private static ClassifyRequest classifyGreat() {
    return ClassifyRequest.newBuilder()
        .addItems(ClassifyItem.newBuilder().setResourceId("g-1"))
        .addItems(ClassifyItem.newBuilder().setResourceId("p-1"))
        .build();
  }
}
