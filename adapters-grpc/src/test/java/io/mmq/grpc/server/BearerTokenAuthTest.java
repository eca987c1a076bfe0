package io.mmq.grpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.testing.fake.InMemoryCore;
import io.mmq.grpc.mapping.TaskSetMapper;
import io.mmq.grpc.server.security.BearerTokenInterceptor;
import io.mmq.grpc.server.security.BearerTokens;
import io.mmq.proto.v1.CatalogServiceGrpc;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.GetJobRequest;
import io.mmq.proto.v1.ListModelsRequest;
import io.mmq.proto.v1.ModelServiceGrpc;
import io.mmq.proto.v1.RecommendationServiceGrpc;
import io.mmq.proto.v1.RerankCandidate;
import io.mmq.proto.v1.RerankRequest;
import io.mmq.proto.v1.SetTaskSetRequest;
import io.mmq.proto.v1.TrainingServiceGrpc;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bearer tokens on the in-process server as the app assembles it (services, health, reflection). */
class BearerTokenAuthTest {
  private static final String TOKEN = "s3cret-ops-token";

  private final InMemoryCore core = InMemoryCore.create();
  private final String name = InProcessServerBuilder.generateName();
  private GrpcServer server;
  private ManagedChannel channel;

  @AfterEach
  void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  private void start(List<String> tokens, boolean protectServing) {
    BearerTokenInterceptor auth = new BearerTokenInterceptor(BearerTokens.of(tokens), protectServing);
    server = new GrpcServer(InProcessServerBuilder.forName(name), GrpcServerTest.services(core), List.of(auth)).start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @Test
  void opsCallsWithoutAValidTokenAreUnauthenticatedAndChangeNothing() {
    start(List.of("other-token", TOKEN), false);
    CatalogServiceGrpc.CatalogServiceBlockingStub catalog = CatalogServiceGrpc.newBlockingStub(channel);
    SetTaskSetRequest oneTask =
        SetTaskSetRequest.newBuilder()
            .setTaskSet(TaskSetMapper.toProto(new TaskSet(TaskSet.defaults().tasks().subList(0, 1))))
            .build();

    assertUnauthenticated(() -> catalog.setTaskSet(oneTask), "missing bearer token");
    assertUnauthenticated(() -> withHeader(catalog, "Bearer wrong-token").setTaskSet(oneTask), "invalid bearer token");
    assertUnauthenticated(() -> withHeader(catalog, TOKEN).setTaskSet(oneTask), "malformed");
    assertUnauthenticated(() -> withHeader(catalog, "Basic " + TOKEN).setTaskSet(oneTask), "malformed");
    assertUnauthenticated(() -> withHeader(catalog, "Bearer ").setTaskSet(oneTask), "malformed");
    assertThat(core.ports.taskSets.current()).isEqualTo(TaskSet.defaults());

    withHeader(catalog, "Bearer " + TOKEN).setTaskSet(oneTask);
    assertThat(core.ports.taskSets.current().tasks()).hasSize(1);
  }

  @Test
  void everyOpsServiceIsProtectedAndTheRightTokenPassesToTheService() {
    start(List.of(TOKEN), false);
    var models = ModelServiceGrpc.newBlockingStub(channel);
    var training = TrainingServiceGrpc.newBlockingStub(channel);
    var catalog = CatalogServiceGrpc.newBlockingStub(channel);

    assertUnauthenticated(() -> models.listModels(ListModelsRequest.getDefaultInstance()), "mmq.v1.ModelService/ListModels");
    assertUnauthenticated(() -> training.getJob(GetJobRequest.newBuilder().setJobId("j-1").build()), "missing");
    assertUnauthenticated(() -> catalog.getTaskSet(io.mmq.proto.v1.GetTaskSetRequest.getDefaultInstance()), "missing");

    assertThat(withHeader(models, "Bearer " + TOKEN).listModels(ListModelsRequest.getDefaultInstance()).getModelsList()).isEmpty();
    assertThat(statusOf(() -> withHeader(training, "bearer " + TOKEN).getJob(GetJobRequest.newBuilder().setJobId("j-1").build())).getCode())
        .as("past authentication the service answers: an unknown job")
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(withHeader(catalog, "Bearer " + TOKEN).getTaskSet(io.mmq.proto.v1.GetTaskSetRequest.getDefaultInstance()).getTasksCount())
        .isEqualTo(TaskSet.defaults().tasks().size());
  }

  @Test
  void servingIsOpenByDefaultAndHealthIsAlwaysOpen() {
    start(List.of(TOKEN), false);

    assertThat(statusOf(() -> ClassificationServiceGrpc.newBlockingStub(channel).classify(classify())).getCode())
        .as("no token needed; no model active yet")
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(statusOf(() -> RecommendationServiceGrpc.newBlockingStub(channel).rerank(rerank())).getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
        .isNotNull();
  }

  @Test
  void servingIsProtectedWhenConfiguredButHealthStaysOpen() {
    start(List.of(TOKEN), true);
    var classification = ClassificationServiceGrpc.newBlockingStub(channel);
    var recommendation = RecommendationServiceGrpc.newBlockingStub(channel);

    assertUnauthenticated(() -> classification.classify(classify()), "missing bearer token");
    assertUnauthenticated(() -> withHeader(recommendation, "Bearer nope").rerank(rerank()), "invalid bearer token");
    assertThat(statusOf(() -> withHeader(classification, "Bearer " + TOKEN).classify(classify())).getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(statusOf(() -> withHeader(recommendation, "Bearer " + TOKEN).rerank(rerank())).getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
        .isNotNull();
  }

  @Test
  void withoutConfiguredTokensEverythingIsOpen() {
    start(List.of(), true);

    assertThat(ModelServiceGrpc.newBlockingStub(channel).listModels(ListModelsRequest.getDefaultInstance()).getModelsList())
        .isEmpty();
    assertThat(statusOf(() -> ClassificationServiceGrpc.newBlockingStub(channel).classify(classify())).getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  private static ClassifyRequest classify() {
    return ClassifyRequest.newBuilder().addItems(ClassifyItem.newBuilder().setResourceId("a-1")).build();
  }

  private static RerankRequest rerank() {
    return RerankRequest.newBuilder()
        .addCandidates(RerankCandidate.newBuilder().setResourceId("a-1").setBaseScore(0.5))
        .build();
  }

  static <S extends AbstractStub<S>> S withHeader(S stub, String authorization) {
    Metadata headers = new Metadata();
    headers.put(BearerTokenInterceptor.AUTHORIZATION, authorization);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  static Status statusOf(ThrowingCallable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(e).as("the call should fail").isNotNull();
    return e.getStatus();
  }

  private static void assertUnauthenticated(ThrowingCallable call, String reason) {
    Status status = statusOf(call);
    assertThat(status.getCode()).as(String.valueOf(status)).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(status.getDescription()).contains(reason);
  }
}
