package io.mmq.grpc.server;

import static io.mmq.grpc.server.BearerTokenAuthTest.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mmq.core.testing.fake.InMemoryCore;
import io.mmq.grpc.server.security.BearerTokenInterceptor;
import io.mmq.grpc.server.security.BearerTokens;
import io.mmq.proto.v1.CatalogServiceGrpc;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.ListModelsRequest;
import io.mmq.proto.v1.ModelServiceGrpc;
import io.mmq.proto.v1.UpsertResourcesRequest;
import io.mmq.proto.v1.UpsertSummary;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsTracerTest {
  private static final String MODELS = "mmq.v1.ModelService";
  private static final String CLASSIFICATION = "mmq.v1.ClassificationService";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Set<BindableService> services = GrpcServerTest.services(InMemoryCore.create());
  private GrpcServer server;
  private ManagedChannel channel;

  @AfterEach
  void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void everyCallIsTimedPerMethodAndFailuresCountedByCode() {
    String name = InProcessServerBuilder.generateName();
    start(InProcessServerBuilder.forName(name), new BearerTokenInterceptor(BearerTokens.of(List.of("t0ken")), false));
    channel = InProcessChannelBuilder.forName(name).build();

    var models = BearerTokenAuthTest.withHeader(ModelServiceGrpc.newBlockingStub(channel), "Bearer t0ken");
    for (int i = 0; i < 3; i++) {
      models.listModels(ListModelsRequest.getDefaultInstance());
    }
    var classify = ClassificationServiceGrpc.newBlockingStub(channel);
    statusOf(() -> classify.classify(classify(1)));
    statusOf(() -> classify.classify(classify(1)));
    statusOf(() -> ModelServiceGrpc.newBlockingStub(channel).listModels(ListModelsRequest.getDefaultInstance()));

    Timer listModels = await(() -> timer(MODELS, "ListModels"), 4);
    assertThat(listModels.count()).as("3 answered + 1 refused by authentication").isEqualTo(4);
    assertThat(listModels.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    CountAtBucket[] buckets = listModels.takeSnapshot().histogramCounts();
    assertThat(buckets).hasSize(MetricsTracer.BUCKETS.length);
    assertThat(buckets[buckets.length - 1].count()).as("every call under the top bound").isEqualTo(4);
    assertThat(await(() -> timer(CLASSIFICATION, "Classify"), 2).count()).isEqualTo(2);

    assertThat(await(() -> errors(CLASSIFICATION, "Classify", Status.Code.FAILED_PRECONDITION), 2).count()).isEqualTo(2);
    assertThat(await(() -> errors(MODELS, "ListModels", Status.Code.UNAUTHENTICATED), 1).count()).isEqualTo(1);
    assertThat(registry.find(MetricsTracer.ERRORS).tag("code", "OK").counter()).isNull();
  }

  @Test
  void unknownMethodsShareOneTagAndOtherServicesAreNotRecorded() {
    String name = InProcessServerBuilder.generateName();
    start(InProcessServerBuilder.forName(name));
    channel = InProcessChannelBuilder.forName(name).build();

    assertThat(statusOf(() -> call(MODELS + "/NoSuchMethod")).getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(statusOf(() -> call(MODELS + "/AnotherMissingOne")).getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(statusOf(() -> call("other.v1.Service/Method")).getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());

    assertThat(await(() -> errors(MODELS, MetricsTracer.UNKNOWN, Status.Code.UNIMPLEMENTED), 2).count()).isEqualTo(2);
    assertThat(timer(MODELS, MetricsTracer.UNKNOWN).count()).isEqualTo(2);
    assertThat(registry.find(MetricsTracer.LATENCY).timers())
        .as("only the unknown methods of the model service")
        .hasSize(1);
    assertThat(registry.find(MetricsTracer.ERRORS).counters()).hasSize(1);
  }

  /**
   * Over real sockets, calls that the transport ends count with their real status: a request over
   * the inbound message limit as RESOURCE_EXHAUSTED, a client's cancel as CANCELLED.
   */
  @Test
  void callsThatTheTransportEndsCountWithTheirStatus() throws InterruptedException {
    CountDownLatch uploadStarted = new CountDownLatch(1);
    ServerInterceptor startedCalls = new ServerInterceptor() {
      @Override
      public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
          ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        if (call.getMethodDescriptor().getBareMethodName().equals("UpsertResources")) {
          uploadStarted.countDown();
        }
        return next.startCall(call, headers);
      }
    };
    start(NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).maxInboundMessageSize(2048), startedCalls);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create()).build();

    ModelServiceGrpc.newBlockingStub(channel).listModels(ListModelsRequest.getDefaultInstance());
    assertThat(await(() -> timer(MODELS, "ListModels"), 1).count()).isEqualTo(1);
    assertThat(registry.find(MetricsTracer.ERRORS).tag("method", "ListModels").counter()).isNull();

    ClassifyRequest oversized = classify(400);
    assertThat(oversized.getSerializedSize()).isGreaterThan(2048);
    Status refused = statusOf(() -> ClassificationServiceGrpc.newBlockingStub(channel).classify(oversized));
    assertThat(refused.getCode()).as(refused.toString()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(await(() -> errors(CLASSIFICATION, "Classify", Status.Code.RESOURCE_EXHAUSTED), 1).count()).isEqualTo(1);
    assertThat(timer(CLASSIFICATION, "Classify").count()).isEqualTo(1);
    assertThat(registry.find(MetricsTracer.ERRORS).tag("method", "Classify").counters()).hasSize(1);

    StreamObserver<UpsertResourcesRequest> upload = CatalogServiceGrpc.newStub(channel).upsertResources(new Ignored());
    assertThat(uploadStarted.await(5, TimeUnit.SECONDS)).as("the server started the upload").isTrue();
    upload.onError(new IllegalStateException("the client gives up"));
    assertThat(await(() -> errors("mmq.v1.CatalogService", "UpsertResources", Status.Code.CANCELLED), 1).count()).isEqualTo(1);
    assertThat(timer("mmq.v1.CatalogService", "UpsertResources").count()).isEqualTo(1);
  }

  private void start(ServerBuilder<?> builder, ServerInterceptor... interceptors) {
    builder.addStreamTracerFactory(new MetricsTracer(registry, services));
    server = new GrpcServer(builder, services, List.of(interceptors)).start();
  }

  private Object call(String fullMethodName) {
    MethodDescriptor<ListModelsRequest, ListModelsRequest> method =
        MethodDescriptor.<ListModelsRequest, ListModelsRequest>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(fullMethodName)
            .setRequestMarshaller(ProtoUtils.marshaller(ListModelsRequest.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(ListModelsRequest.getDefaultInstance()))
            .build();
    return ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT, ListModelsRequest.getDefaultInstance());
  }

  private static ClassifyRequest classify(int items) {
    ClassifyRequest.Builder request = ClassifyRequest.newBuilder();
    for (int i = 0; i < items; i++) {
      request.addItems(ClassifyItem.newBuilder().setResourceId(String.format("a-%05d", i)));
    }
    return request.build();
  }

  /**
   * The meter once it has counted {@code count}: the transport closes a stream, and so records
   * it, on its own thread, possibly after the client has seen the status.
   */
  private static <M extends Meter> M await(Supplier<M> meter, long count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      try {
        M found = meter.get();
        if (countOf(found) >= count) {
          return found;
        }
      } catch (AssertionError notYet) {
        // not registered yet
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return meter.get();
  }

  private static double countOf(Meter meter) {
    return meter instanceof Timer timer ? timer.count() : ((Counter) meter).count();
  }

  private Timer timer(String service, String method) {
    Timer timer = registry.find(MetricsTracer.LATENCY).tag("service", service).tag("method", method).timer();
    assertThat(timer).as(service + "/" + method).isNotNull();
    return timer;
  }

  private Counter errors(String service, String method, Status.Code code) {
    Counter counter =
        registry.find(MetricsTracer.ERRORS)
            .tag("service", service)
            .tag("method", method)
            .tag("code", code.name())
            .counter();
    assertThat(counter).as(service + "/" + method + " " + code).isNotNull();
    return counter;
  }

  /** A response observer for a call the test cancels. */
  private static final class Ignored implements StreamObserver<UpsertSummary> {
    @Override
    public void onNext(UpsertSummary value) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }
}
