package io.mmq.grpc.server;

import static io.mmq.grpc.server.BearerTokenAuthTest.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mmq.core.testing.fake.InMemoryCore;
import io.mmq.grpc.server.security.BearerTokenInterceptor;
import io.mmq.grpc.server.security.BearerTokens;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.ListModelsRequest;
import io.mmq.proto.v1.ModelServiceGrpc;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsInterceptorTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final String name = InProcessServerBuilder.generateName();
  private final GrpcServer server =
      new GrpcServer(
              InProcessServerBuilder.forName(name),
              GrpcServerTest.services(InMemoryCore.create()),
              List.of(new BearerTokenInterceptor(BearerTokens.of(List.of("t0ken")), false), new MetricsInterceptor(registry)))
          .start();
  private final ManagedChannel channel = InProcessChannelBuilder.forName(name).build();

  @AfterEach
  void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void everyCallIsTimedPerMethodAndFailuresCountedByCode() {
    var models = BearerTokenAuthTest.withHeader(ModelServiceGrpc.newBlockingStub(channel), "Bearer t0ken");
    for (int i = 0; i < 3; i++) {
      models.listModels(ListModelsRequest.getDefaultInstance());
    }
    var classify = ClassificationServiceGrpc.newBlockingStub(channel);
    ClassifyRequest request = ClassifyRequest.newBuilder().addItems(ClassifyItem.newBuilder().setResourceId("a-1")).build();
    statusOf(() -> classify.classify(request));
    statusOf(() -> classify.classify(request));
    statusOf(() -> ModelServiceGrpc.newBlockingStub(channel).listModels(ListModelsRequest.getDefaultInstance()));

    Timer listModels = timer("mmq.v1.ModelService", "ListModels");
    assertThat(listModels.count()).as("3 answered + 1 refused by authentication").isEqualTo(4);
    assertThat(listModels.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    CountAtBucket[] buckets = listModels.takeSnapshot().histogramCounts();
    assertThat(buckets).hasSize(MetricsInterceptor.BUCKETS.length);
    assertThat(buckets[buckets.length - 1].count()).as("every call under the top bound").isEqualTo(4);
    assertThat(timer("mmq.v1.ClassificationService", "Classify").count()).isEqualTo(2);

    assertThat(errors("mmq.v1.ClassificationService", "Classify", Status.Code.FAILED_PRECONDITION).count()).isEqualTo(2);
    assertThat(errors("mmq.v1.ModelService", "ListModels", Status.Code.UNAUTHENTICATED).count()).isEqualTo(1);
    assertThat(registry.find(MetricsInterceptor.ERRORS).tag("code", "OK").counter()).isNull();
  }

  private Timer timer(String service, String method) {
    Timer timer = registry.find(MetricsInterceptor.LATENCY).tag("service", service).tag("method", method).timer();
    assertThat(timer).as(service + "/" + method).isNotNull();
    return timer;
  }

  private Counter errors(String service, String method, Status.Code code) {
    Counter counter =
        registry.find(MetricsInterceptor.ERRORS)
            .tag("service", service)
            .tag("method", method)
            .tag("code", code.name())
            .counter();
    assertThat(counter).as(service + "/" + method + " " + code).isNotNull();
    return counter;
  }
}
