package io.mmq.grpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.mmq.core.classification.port.in.ClassifyResourcesUseCase;
import io.mmq.core.engagement.port.in.ListEngagementUseCase;
import io.mmq.core.engagement.port.in.RecordEngagementUseCase;
import io.mmq.core.engagement.service.EngagementQueryService;
import io.mmq.core.label.policy.LabelDerivationPolicy;
import io.mmq.core.label.port.in.DeriveLabelsUseCase;
import io.mmq.core.label.service.DeriveLabelsService;
import io.mmq.core.recommendation.policy.ReweightingPolicy;
import io.mmq.core.recommendation.port.in.RerankUseCase;
import io.mmq.core.registry.port.in.GetModelUseCase;
import io.mmq.core.registry.port.in.ListModelsUseCase;
import io.mmq.core.registry.port.in.PromoteModelUseCase;
import io.mmq.core.registry.port.in.RollbackModelUseCase;
import io.mmq.core.resource.port.in.GetResourceUseCase;
import io.mmq.core.resource.port.in.IngestResourcesUseCase;
import io.mmq.core.task.port.in.GetTaskSetUseCase;
import io.mmq.core.task.port.in.SetTaskSetUseCase;
import io.mmq.core.testing.fake.InMemoryCore;
import io.mmq.core.training.port.in.CancelJobUseCase;
import io.mmq.core.training.port.in.GetJobUseCase;
import io.mmq.core.training.port.in.ListJobsUseCase;
import io.mmq.core.training.port.in.TrainModelUseCase;
import io.mmq.core.validation.port.in.ListValidationRunsUseCase;
import io.mmq.core.validation.port.in.ValidateModelUseCase;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server as the app builds it: Guice-bound services, health and reflection. */
class GrpcServerTest {
  private static final List<String> MMQ_SERVICES =
      List.of(
          "mmq.v1.CatalogService",
          "mmq.v1.ClassificationService",
          "mmq.v1.ModelService",
          "mmq.v1.RecommendationService",
          "mmq.v1.TrainingService");

  private final String name = InProcessServerBuilder.generateName();
  private final GrpcServer server =
      new GrpcServer(
              InProcessServerBuilder.forName(name), services(InMemoryCore.create()), List.of())
          .start();
  private final ManagedChannel channel = InProcessChannelBuilder.forName(name).build();

  @AfterEach
  void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void theModuleBindsEveryMmqService() {
    Set<BindableService> services = services(InMemoryCore.create());

    assertThat(services)
        .extracting(service -> service.bindService().getServiceDescriptor().getName())
        .containsExactlyInAnyOrderElementsOf(MMQ_SERVICES);
  }

  @Test
  void classificationAndRecommendationServeOnlyOnceAModelIsAvailable() {
    HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);

    assertThat(status(health, "mmq.v1.ClassificationService")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(status(health, "mmq.v1.RecommendationService")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(status(health, "mmq.v1.TrainingService")).isEqualTo(ServingStatus.SERVING);
    assertThat(status(health, "mmq.v1.CatalogService")).isEqualTo(ServingStatus.SERVING);
    assertThat(status(health, "")).isEqualTo(ServingStatus.SERVING);

    server.setModelAvailable(true);

    assertThat(status(health, "mmq.v1.ClassificationService")).isEqualTo(ServingStatus.SERVING);
    assertThat(status(health, "mmq.v1.RecommendationService")).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void reflectionListsTheMmqServices() throws Exception {
    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse value) {
                    answer.complete(value);
                  }

                  @Override
                  public void onError(Throwable t) {
                    answer.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    requests.onCompleted();

    List<String> names =
        answer.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
            .map(ServiceResponse::getName)
            .toList();

    assertThat(names).containsAll(MMQ_SERVICES).contains("grpc.health.v1.Health");
  }

  @Test
  void closingTwiceIsQuiet() {
    // grpc-java's health service warns, with a stack trace, when it is told to terminate twice
    Logger healthLog = Logger.getLogger("io.grpc.protobuf.services.HealthServiceImpl");
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    healthLog.addHandler(handler);
    try {
      server.close();
      server.close();
    } finally {
      healthLog.removeHandler(handler);
    }

    assertThat(records).extracting(LogRecord::getMessage).isEmpty();
  }

  private static ServingStatus status(HealthGrpc.HealthBlockingStub health, String service) {
    return health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
  }

  /** The services as {@link GrpcModule} binds them over a core's use cases. */
  static Set<BindableService> services(InMemoryCore core) {
    return Guice.createInjector(new GrpcModule(), new UseCases(core))
        .getInstance(Key.get(new TypeLiteral<Set<BindableService>>() {}));
  }

  /** What the app's core module binds: every use case the services need. */
  private static final class UseCases extends AbstractModule {
    private final InMemoryCore core;

    UseCases(InMemoryCore core) {
      this.core = core;
    }

    @Override
    protected void configure() {
      bind(IngestResourcesUseCase.class).toInstance(core.catalog);
      bind(GetResourceUseCase.class).toInstance(core.catalog);
      bind(RecordEngagementUseCase.class).toInstance(core.engagement);
      bind(ListEngagementUseCase.class)
          .toInstance(new EngagementQueryService(core.ports.engagements));
      bind(GetTaskSetUseCase.class).toInstance(core.taskSets);
      bind(SetTaskSetUseCase.class).toInstance(core.taskSets);
      bind(ClassifyResourcesUseCase.class).toInstance(core.classification);
      bind(RerankUseCase.class).toInstance(core.rerank);
      bind(ReweightingPolicy.class).toInstance(ReweightingPolicy.DEFAULT);
      bind(io.mmq.grpc.mapping.RequestLimits.class)
          .toInstance(io.mmq.grpc.mapping.RequestLimits.DEFAULT);
      bind(ListModelsUseCase.class).toInstance(core.models);
      bind(GetModelUseCase.class).toInstance(core.models);
      bind(PromoteModelUseCase.class).toInstance(core.models);
      bind(RollbackModelUseCase.class).toInstance(core.models);
      bind(DeriveLabelsUseCase.class)
          .toInstance(
              new DeriveLabelsService(
                  core.ports.engagements,
                  core.ports.labels,
                  core.ports.taskSets,
                  LabelDerivationPolicy.STANDARD));
      bind(TrainModelUseCase.class).toInstance(core.training);
      bind(GetJobUseCase.class).toInstance(core.training);
      bind(CancelJobUseCase.class).toInstance(core.training);
      bind(ListJobsUseCase.class).toInstance(core.training);
      bind(ValidateModelUseCase.class).toInstance(core.validation);
      bind(ListValidationRunsUseCase.class).toInstance(core.schedule);
    }
  }
}
