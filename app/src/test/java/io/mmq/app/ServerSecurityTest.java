package io.mmq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.mmq.app.config.MmqConfig;
import io.mmq.app.metrics.MicrometerTelemetry;
import io.mmq.app.metrics.PrometheusText;
import io.mmq.core.telemetry.Telemetry;
import io.mmq.grpc.server.security.BearerTokenInterceptor;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.ListModelsRequest;
import io.mmq.proto.v1.ModelServiceGrpc;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as {@code mmq serve} starts it, over real sockets: bearer tokens, the inbound message
 * limit, TLS and the metrics endpoint. No model is trained: a call that gets past authentication
 * answers FAILED_PRECONDITION (classify) or an empty list (models).
 *
 * <p>The TLS key pair under {@code src/test/resources/tls} is for these tests only, made once with
 * {@code openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=localhost -addext
 * subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout server.key -out server.crt}.
 */
class ServerSecurityTest {
  @TempDir Path dir;

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void opsCallsNeedATokenServingIsOpenAndTheCallsAreMeasured() throws Exception {
    Path tokenFile = dir.resolve("tokens");
    Files.writeString(tokenFile, "# rotated monthly\nfile-token\n");
    MmqServer server = serve(config().with("auth.tokens", "list-token-1, list-token-2").with("auth.token-file", tokenFile.toString()));
    ManagedChannel channel = plaintext(server.port());
    var models = ModelServiceGrpc.newBlockingStub(channel);
    ListModelsRequest list = ListModelsRequest.getDefaultInstance();

    assertStatus(() -> models.listModels(list), Status.Code.UNAUTHENTICATED, "missing bearer token");
    assertStatus(() -> bearer(models, "Bearer list-token-3").listModels(list), Status.Code.UNAUTHENTICATED, "invalid bearer token");
    assertStatus(() -> bearer(models, "list-token-1").listModels(list), Status.Code.UNAUTHENTICATED, "malformed");
    assertThat(bearer(models, "Bearer list-token-2").listModels(list).getModelsList()).isEmpty();
    assertThat(bearer(models, "Bearer file-token").listModels(list).getModelsList()).isEmpty();
    assertStatus(() -> ClassificationServiceGrpc.newBlockingStub(channel).classify(classify(3)),
        Status.Code.FAILED_PRECONDITION, "");
    assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
        .isEqualTo(ServingStatus.SERVING);

    Map<String, String> listModels = Map.of("service", "mmq.v1.ModelService", "method", "ListModels");
    Map<String, String> classifyCalls = Map.of("service", "mmq.v1.ClassificationService", "method", "Classify");
    int metricsPort = server.metricsPort().orElseThrow();
    awaitScrape(metricsPort, "mmq_grpc_server_requests_seconds_count", listModels, 5.0);
    PrometheusText scrape = awaitScrape(metricsPort, "mmq_grpc_server_requests_seconds_count", classifyCalls, 1.0);
    assertThat(scrape.types()).containsEntry("mmq_grpc_server_requests_seconds", "histogram");
    assertThat(scrape.value("mmq_grpc_server_requests_seconds_count", listModels)).contains(5.0);
    assertThat(scrape.value("mmq_grpc_server_requests_seconds_sum", listModels))
        .hasValueSatisfying(seconds -> assertThat(seconds).isPositive().isLessThan(60));
    Map<Double, Double> buckets = scrape.buckets("mmq_grpc_server_requests_seconds", listModels);
    assertThat(buckets).hasSizeGreaterThan(10).containsEntry(Double.POSITIVE_INFINITY, 5.0);
    assertThat(new ArrayList<>(buckets.values())).as("cumulative").isSorted();
    assertThat(scrape.value("mmq_grpc_server_errors_total", withCode(listModels, "UNAUTHENTICATED"))).contains(3.0);
    assertThat(scrape.value("mmq_grpc_server_errors_total", withCode(classifyCalls, "FAILED_PRECONDITION"))).contains(1.0);
    assertThat(scrape.find("mmq_grpc_server_errors_total", Map.of("code", "OK"))).isEmpty();
    assertThat(scrape.find("mmq_grpc_server_requests_seconds_count", Map.of("service", "grpc.health.v1.Health")))
        .as("health is not an mmq service").isEmpty();

    Telemetry telemetry = app.get(Telemetry.class);
    assertThat(telemetry).isInstanceOf(MicrometerTelemetry.class);
    telemetry.queueDepth(7);
    assertThat(PrometheusText.scrape(server.metricsPort().orElseThrow()).value("mmq_classify_queue_depth", Map.of()))
        .as("the core's telemetry lands in the served registry").contains(7.0);
  }

  @Test
  void servingCanBeProtectedToo() throws Exception {
    MmqServer server = serve(config().with("auth.tokens", "t-1").with("auth.protect-serving", "true"));
    var classify = ClassificationServiceGrpc.newBlockingStub(plaintext(server.port()));

    assertStatus(() -> classify.classify(classify(1)), Status.Code.UNAUTHENTICATED, "missing bearer token");
    assertStatus(() -> bearer(classify, "Bearer t-2").classify(classify(1)), Status.Code.UNAUTHENTICATED, "invalid");
    assertStatus(() -> bearer(classify, "Bearer t-1").classify(classify(1)), Status.Code.FAILED_PRECONDITION, "");
  }

  @Test
  void aMessageOverTheLimitIsResourceExhausted() throws Exception {
    MmqServer server = serve(config().with("server.max-message-bytes", "2048"));
    var classify = ClassificationServiceGrpc.newBlockingStub(plaintext(server.port()));

    assertThat(classify(10).getSerializedSize()).isLessThan(2048);
    assertStatus(() -> classify.classify(classify(10)), Status.Code.FAILED_PRECONDITION, "");
    assertThat(classify(400).getSerializedSize()).isGreaterThan(2048);
    assertStatus(() -> classify.classify(classify(400)), Status.Code.RESOURCE_EXHAUSTED, "");

    Map<String, String> calls = Map.of("service", "mmq.v1.ClassificationService", "method", "Classify");
    int metricsPort = server.metricsPort().orElseThrow();
    PrometheusText scrape = awaitScrape(metricsPort, "mmq_grpc_server_requests_seconds_count", calls, 2.0);
    assertThat(scrape.value("mmq_grpc_server_requests_seconds_count", calls)).contains(2.0);
    assertThat(scrape.value("mmq_grpc_server_errors_total", withCode(calls, "RESOURCE_EXHAUSTED")))
        .as("the transport's refusal is counted with its status").contains(1.0);
  }

  @Test
  void withTlsOnlyTlsClientsThatTrustTheCertificateGetIn() throws Exception {
    MmqServer server = serve(config()
        .with("server.tls.cert-file", resource("tls/server.crt").toString())
        .with("server.tls.key-file", resource("tls/server.key").toString())
        .with("auth.tokens", "tls-token"));
    ChannelCredentials trusting = TlsChannelCredentials.newBuilder().trustManager(resource("tls/server.crt").toFile()).build();
    ManagedChannel tls = open(NettyChannelBuilder.forAddress("localhost", server.port(), trusting).build());

    assertStatus(() -> ClassificationServiceGrpc.newBlockingStub(tls).classify(classify(2)), Status.Code.FAILED_PRECONDITION, "");
    assertThat(bearer(ModelServiceGrpc.newBlockingStub(tls), "Bearer tls-token").listModels(ListModelsRequest.getDefaultInstance())
        .getModelsList()).isEmpty();

    ManagedChannel local = open(ServerOptions.from(app.config()).localChannel(server.port()));
    assertThat(ModelServiceGrpc.newBlockingStub(local).listModels(ListModelsRequest.getDefaultInstance()).getModelsList())
        .as("the quickstart's client: TLS, the configured token").isEmpty();

    Status plaintext = statusOf(() -> ClassificationServiceGrpc.newBlockingStub(plaintext(server.port()))
        .withDeadlineAfter(10, TimeUnit.SECONDS).classify(classify(2)));
    assertThat(plaintext.getCode()).as(plaintext.toString()).isEqualTo(Status.Code.UNAVAILABLE);
    ChannelCredentials untrusting = TlsChannelCredentials.create(); // the JDK's default roots
    Status untrusted = statusOf(() -> ClassificationServiceGrpc.newBlockingStub(
            open(NettyChannelBuilder.forAddress("localhost", server.port(), untrusting).build()))
        .withDeadlineAfter(10, TimeUnit.SECONDS).classify(classify(2)));
    assertThat(untrusted.getCode()).as(untrusted.toString()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void closingStopsTheMetricsEndpointAndMinusOneTurnsItOff() throws Exception {
    MmqServer server = serve(config());
    int port = server.metricsPort().orElseThrow();
    assertThat(PrometheusText.scrape(port).samples()).isNotEmpty();

    opened.remove(server);
    server.close();

    assertThatThrownBy(() -> HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(ConnectException.class);
    assertThat(serve(config().with("metrics.port", "-1")).metricsPort()).isEmpty();
  }

  @Test
  void theDefaultsAreOpenPlaintext64MiBAndMetricsOn9464AndTokensComeFromTheEnvironment() {
    ServerOptions defaults = ServerOptions.from(MmqConfig.defaultsOnly());
    assertThat(defaults.maxMessageBytes()).isEqualTo(64 * 1024 * 1024);
    assertThat(defaults.tls()).isEmpty();
    assertThat(defaults.tokens()).isEmpty();
    assertThat(defaults.protectServing()).isFalse();
    assertThat(defaults.metricsHost()).isEqualTo("0.0.0.0");
    assertThat(defaults.metricsPort()).isEqualTo(9464);

    MmqConfig fromEnvironment = MmqConfig.load(java.util.Optional.empty(),
        Map.of("MMQ_AUTH_TOKENS", "env-1,env-2", "MMQ_AUTH_PROTECT_SERVING", "true", "MMQ_METRICS_PORT", "-1"), Map.of());
    ServerOptions options = ServerOptions.from(fromEnvironment);
    assertThat(options.tokens()).containsExactly("env-1", "env-2");
    assertThat(options.protectServing()).isTrue();
    assertThat(options.metricsEnabled()).isFalse();
  }

  @Test
  void badSecuritySettingsAreRefusedAtStart() {
    assertThatThrownBy(() -> ServerOptions.from(config().with("server.tls.cert-file", "x.crt")))
        .hasMessageContaining("server.tls.key-file");
    assertThatThrownBy(() -> ServerOptions.from(config()
            .with("server.tls.cert-file", dir.resolve("none.crt").toString())
            .with("server.tls.key-file", dir.resolve("none.key").toString())))
        .hasMessageContaining("server.tls.cert-file");
    assertThatThrownBy(() -> ServerOptions.from(config().with("auth.token-file", dir.resolve("none").toString())))
        .hasMessageContaining("auth.token-file");
    assertThatThrownBy(() -> ServerOptions.from(config().with("metrics.port", "-2")))
        .hasMessageContaining("metrics.port");
    assertThatThrownBy(() -> ServerOptions.from(config().with("server.max-message-bytes", "0")))
        .hasMessageContaining("server.max-message-bytes");
    assertThat(ServerOptions.from(config().with("auth.tokens", "secret-value")).toString()).doesNotContain("secret-value");
  }

  // --- helpers

  private Application app;
  private int apps;

  /** Each application gets its own data dir: an embedded database is open in one process only. */
  private MmqConfig config() {
    return MmqConfig.defaultsOnly()
        .with("data.dir", dir.resolve("data-" + apps++).toString())
        .with("metrics.host", "127.0.0.1")
        .with("metrics.port", "0");
  }

  private MmqServer serve(MmqConfig config) {
    app = open(Application.open(config));
    return open(MmqServer.start(app, "127.0.0.1", 0));
  }

  private <T extends AutoCloseable> T open(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  private ManagedChannel open(ManagedChannel channel) {
    opened.add(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
    return channel;
  }

  private ManagedChannel plaintext(int port) {
    return open(NettyChannelBuilder.forAddress("127.0.0.1", port, InsecureChannelCredentials.create()).build());
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ServerSecurityTest.class.getClassLoader().getResource(name).toURI());
  }

  private static ClassifyRequest classify(int items) {
    ClassifyRequest.Builder request = ClassifyRequest.newBuilder();
    for (int i = 0; i < items; i++) {
      request.addItems(ClassifyItem.newBuilder().setResourceId(String.format("a-%05d", i)));
    }
    return request.build();
  }

  private static <S extends AbstractStub<S>> S bearer(S stub, String authorization) {
    Metadata headers = new Metadata();
    headers.put(BearerTokenInterceptor.AUTHORIZATION, authorization);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  /**
   * The first scrape in which {@code name} with {@code labels} has {@code expected} (or the last one
   * after 5 s): a call is recorded as its stream closes, which may be just after the client has its
   * status.
   */
  private static PrometheusText awaitScrape(int metricsPort, String name, Map<String, String> labels, double expected)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    PrometheusText scrape = PrometheusText.scrape(metricsPort);
    while (!scrape.value(name, labels).equals(java.util.Optional.of(expected)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      scrape = PrometheusText.scrape(metricsPort);
    }
    return scrape;
  }

  private static Map<String, String> withCode(Map<String, String> labels, String code) {
    Map<String, String> all = new java.util.HashMap<>(labels);
    all.put("code", code);
    return all;
  }

  private static Status statusOf(ThrowingCallable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(e).as("the call should fail").isNotNull();
    return e.getStatus();
  }

  private static void assertStatus(ThrowingCallable call, Status.Code code, String reason) {
    Status status = statusOf(call);
    assertThat(status.getCode()).as(status.toString()).isEqualTo(code);
    assertThat(String.valueOf(status.getDescription())).contains(reason);
  }
}
