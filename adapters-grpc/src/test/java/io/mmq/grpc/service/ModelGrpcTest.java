package io.mmq.grpc.service;

import static io.mmq.grpc.service.GrpcHarness.assertInvalid;
import static io.mmq.grpc.service.GrpcHarness.statusOf;
import static io.mmq.grpc.service.TrainGrpcTest.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.grpc.mapping.Timestamps;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.GetModelRequest;
import io.mmq.proto.v1.Job;
import io.mmq.proto.v1.ListJobsRequest;
import io.mmq.proto.v1.ListModelsRequest;
import io.mmq.proto.v1.ListModelsResponse;
import io.mmq.proto.v1.ModelInfo;
import io.mmq.proto.v1.ModelStatus;
import io.mmq.proto.v1.PromoteModelRequest;
import io.mmq.proto.v1.RerankCandidate;
import io.mmq.proto.v1.RerankRequest;
import io.mmq.proto.v1.RollbackModelRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelGrpcTest {
  private static final ClassifyRequest CLASSIFY_G1 =
      ClassifyRequest.newBuilder().addItems(ClassifyItem.newBuilder().setResourceId("g-1")).build();
  private static final RerankRequest RERANK_G1 =
      RerankRequest.newBuilder()
          .addCandidates(RerankCandidate.newBuilder().setResourceId("g-1").setBaseScore(1.0))
          .build();

  private final GrpcHarness h = new GrpcHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void withoutModelsTheListIsEmptyAndTheActiveOneAndRollbackArePreconditions() {
    assertThat(h.models.listModels(ListModelsRequest.getDefaultInstance()).getModelsList())
        .isEmpty();

    Status active = statusOf(() -> h.models.getModel(GetModelRequest.getDefaultInstance()));
    Status rollback =
        statusOf(() -> h.models.rollbackModel(RollbackModelRequest.getDefaultInstance()));

    assertThat(active.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(active.getDescription()).contains("train").contains("promote");
    assertThat(rollback.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void modelsAreListedWithProvenancePromotedAndRolledBack() {
    String first = Corpus.loadAndTrain(h);
    String second = trainACandidateAMinuteLater();

    ListModelsResponse all = h.models.listModels(ListModelsRequest.getDefaultInstance());
    ListModelsResponse candidates =
        h.models.listModels(
            ListModelsRequest.newBuilder().setStatus(ModelStatus.CANDIDATE).build());
    ModelInfo info = h.models.getModel(GetModelRequest.newBuilder().setVersion(second).build());

    assertThat(all.getModelsList())
        .extracting(ModelInfo::getVersion)
        .containsExactly(second, first); // newest first
    assertThat(candidates.getModelsList())
        .extracting(ModelInfo::getVersion)
        .containsExactly(second);
    assertThat(info.getStatus()).isEqualTo(ModelStatus.CANDIDATE);
    assertThat(info.getProvenance().getDataWindow()).isEqualTo(Corpus.DAY_1);
    assertThat(info.getProvenance().getSeed()).isEqualTo(Corpus.seedHoldingOutBothKinds());
    assertThat(info.getProvenance().getHyperparametersMap()).containsEntry("steps", "2");
    assertThat(info.getProvenance().getMetricsMap()).containsKey("ctr.auc");
    assertThat(info.getProvenance().getTaskSet()).isEqualTo(Corpus.TASKS);
    assertThat(info.getProvenance().getChecksum()).startsWith("sha256:");
    // the job that produced each model, as its recorded job names it
    assertThat(all.getModelsList())
        .extracting(model -> model.getProvenance().getJobId())
        .containsExactly(jobOf(second), jobOf(first))
        .doesNotHaveDuplicates()
        .allSatisfy(jobId -> assertThat(jobId).startsWith("job-"));
    assertThat(info.getProvenance().getJobId()).isEqualTo(jobOf(second));

    // the first model became active when it was trained; a candidate never was
    ModelInfo firstInfo = h.models.getModel(GetModelRequest.newBuilder().setVersion(first).build());
    assertThat(firstInfo.getActivatedAt()).isEqualTo(firstInfo.getCreatedAt());
    assertThat(info.hasActivatedAt()).isFalse();

    Instant promotedAt = h.core.ports.clock.advance(Duration.ofHours(1)).instant();
    ModelInfo promoted =
        h.models.promoteModel(PromoteModelRequest.newBuilder().setVersion(second).build());
    assertThat(promoted.getStatus()).isEqualTo(ModelStatus.ACTIVE);
    assertThat(promoted.getActivatedAt()).isEqualTo(Timestamps.toProto(promotedAt));
    assertThat(h.models.getModel(GetModelRequest.getDefaultInstance()).getVersion())
        .isEqualTo(second);
    Instant rolledBackAt = h.core.ports.clock.advance(Duration.ofHours(1)).instant();
    ModelInfo rolledBack = h.models.rollbackModel(RollbackModelRequest.getDefaultInstance());
    assertThat(rolledBack.getVersion()).isEqualTo(first);
    assertThat(rolledBack.getActivatedAt()).isEqualTo(Timestamps.toProto(rolledBackAt));
    ModelInfo retired = h.models.getModel(GetModelRequest.newBuilder().setVersion(second).build());
    assertThat(retired.getStatus()).isEqualTo(ModelStatus.RETIRED);
    assertThat(retired.getActivatedAt()).isEqualTo(Timestamps.toProto(promotedAt)); // kept

    ListModelsResponse page =
        h.models.listModels(ListModelsRequest.newBuilder().setPageSize(1).build());
    assertThat(page.getModelsList()).extracting(ModelInfo::getVersion).containsExactly(second);
    assertThat(page.getNextPageToken()).isEqualTo("1");
  }

  @Test
  void promotingAModelThatCannotBeLoadedIsAPreconditionAndTheActiveOneKeepsServing() {
    String first = Corpus.loadAndTrain(h);
    String second = trainACandidateAMinuteLater();
    h.core.ports.registry.corruptArtifact(ModelVersion.of(second));

    Status promote =
        statusOf(
            () -> h.models.promoteModel(PromoteModelRequest.newBuilder().setVersion(second).build()));

    assertThat(promote.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(promote.getDescription())
        .contains("model " + second + " cannot be served")
        .contains("checksum mismatch")
        .contains("model " + first + " stays active and serving");
    assertThat(h.models.getModel(GetModelRequest.getDefaultInstance()).getVersion())
        .isEqualTo(first);
    assertThat(h.core.activeModel.loadedVersion().map(Object::toString)).contains(first);
    // refused at promotion, the corrupt artifact never reaches the serving calls: no DATA_LOSS
    assertThat(h.classification.classify(CLASSIFY_G1).getModelVersion()).isEqualTo(first);
    assertThat(h.recommendation.rerank(RERANK_G1).getModelVersion()).isEqualTo(first);
  }

  @Test
  void aServerWithNoModelLoadedRefusesAnActiveVersionItCannotLoadWithAPrecondition() {
    Corpus.loadAndLabel(h);
    String version =
        drain(h.training.train(Corpus.train(Corpus.DAY_1, 2).toBuilder().setActivateIfNone(false).build()))
            .get(3)
            .getFinished()
            .getModelVersion();
    ModelVersion corrupt = ModelVersion.of(version);
    h.core.ports.registry.corruptArtifact(corrupt);
    // as another server process on the database would
    h.core.ports.registry.activate(corrupt, Instant.EPOCH);

    Status classify = statusOf(() -> h.classification.classify(CLASSIFY_G1));
    Status rerank = statusOf(() -> h.recommendation.rerank(RERANK_G1));

    for (Status status : List.of(classify, rerank)) {
      assertThat(status.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(status.getDescription())
          .contains("model " + version + " cannot be served")
          .contains("checksum mismatch")
          .contains("no model is served");
    }
  }

  @Test
  void badModelRequestsNameTheFieldAndUnknownVersionsAreNotFound() {
    assertInvalid(() -> h.models.promoteModel(PromoteModelRequest.getDefaultInstance()), "version");
    assertInvalid(
        () -> h.models.listModels(ListModelsRequest.newBuilder().setPageToken("zz").build()),
        "pageToken");
    assertInvalid(
        () ->
            h.models.listModels(
                ListModelsRequest.newBuilder()
                    .setStatus(ModelStatus.MODEL_STATUS_UNSPECIFIED)
                    .build()),
        "status");
    Status promote =
        statusOf(
            () ->
                h.models.promoteModel(
                    PromoteModelRequest.newBuilder().setVersion("m-none").build()));
    Status get =
        statusOf(
            () -> h.models.getModel(GetModelRequest.newBuilder().setVersion("m-none").build()));
    assertThat(promote.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(get.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(get.getDescription()).contains("m-none");
  }

  private String jobOf(String version) {
    return h.training.listJobs(ListJobsRequest.getDefaultInstance()).getJobsList().stream()
        .filter(job -> job.getModelVersion().equals(version))
        .map(Job::getJobId)
        .findFirst()
        .orElseThrow();
  }

  /** Trains a second model on day 1, a minute after the first: it stays a CANDIDATE. */
  private String trainACandidateAMinuteLater() {
    h.core.ports.clock.advance(Duration.ofMinutes(1));
    return drain(h.training.train(Corpus.train(Corpus.DAY_1, 2)))
        .get(3)
        .getFinished()
        .getModelVersion();
  }
}
